package gnc.kernel;

/**
 * The losses G&C gives a drawn W (the paper's §3), formed in one place for {@link GncSampler} and
 * {@link ConditionalSampler} alike: with normalization, W is replaced by
 * W / (||W||_F + softening), else kept; then L_gen and L_train of it by {@link LossEvaluator},
 * L_train with its early-rejection cutoff. The normalized W is never written out: its factor
 * 1 / (||W||_F + softening) scales the inner products instead. One instance per thread.
 */
final class GncLosses {
    private final LossEvaluator losses;
    private final boolean normalize;
    private final double softening;
    private double norm;

    GncLosses(ProblemInstance problem, GncSettings settings) {
        this.losses = new LossEvaluator(problem);
        this.normalize = settings.normalize();
        this.softening = settings.softening();
    }

    /** Evaluates both losses of (the normalized, if so set) w, L_train exactly below trainCutoff. */
    void evaluate(double[] w, double trainCutoff) {
        double scale = 1.0;
        if (normalize) {
            norm = RowMajorOps.normF(w);
            scale = 1.0 / (norm + softening);
        }
        losses.evaluate(w, scale, trainCutoff);
    }

    /** L_train of the last evaluation (exact when below its cutoff, see {@link LossEvaluator}). */
    double train() {
        return losses.train();
    }

    /** L_gen of the last evaluation. */
    double gen() {
        return losses.gen();
    }

    /**
     * ||W||_F before normalization, w being the W of the last evaluation, unchanged: the norm
     * normalization computed, or computed now when there was none.
     */
    double norm(double[] w) {
        return normalize ? norm : RowMajorOps.normF(w);
    }
}
