package gnc.kernel;

import java.util.SplittableRandom;

/**
 * Guess & Check on one problem instance (PAPER.md §3): draws W from the prior with the sampler
 * the settings choose ({@link SamplerKind}), optionally normalizes it ({@link GncLosses}), and
 * accepts it when L_train(W) < eps. Every draw's L_gen feeds the prior baseline; accepted draws'
 * L_gen feed the G&C result. Runs a block of draws in preallocated workspaces without allocating
 * per draw. One instance per thread.
 */
public final class GncSampler {
    private final ProductSampler sampler;
    private final GncLosses losses;
    private final double[] w;

    public GncSampler(ProblemInstance problem, Factorization model, GncSettings settings) {
        if (problem.rows() != model.rows() || problem.cols() != model.cols()) {
            throw new IllegalArgumentException("model shape " + model.rows() + " x " + model.cols()
                    + " does not match problem shape " + problem.rows() + " x " + problem.cols());
        }
        this.sampler = settings.sampler().create(model, settings.prior());
        this.losses = new GncLosses(problem, settings);
        this.w = new double[problem.dimension()];
    }

    /** Receives the draws whose L_train is below a keep threshold, in draw order. */
    public interface KeptDraws {
        /**
         * @param index     the draw's index in the block (0-based)
         * @param norm      ||W||_F of the product, before any normalization
         */
        void keep(long index, double trainLoss, double genLoss, double norm);
    }

    /** Makes count draws from rng and adds them to stats. */
    public void run(SplittableRandom rng, long count, double eps, BlockStats stats) {
        run(rng, count, eps, eps, null, stats);
    }

    /**
     * Makes count draws from rng, adds them to stats, and hands every draw with
     * L_train < keepThreshold (>= eps) to kept.
     */
    public void run(SplittableRandom rng, long count, double eps, double keepThreshold, KeptDraws kept,
                    BlockStats stats) {
        if (!(keepThreshold >= eps)) {
            throw new IllegalArgumentException("keep threshold " + keepThreshold + " must be >= eps " + eps);
        }
        for (long i = 0; i < count; i++) {
            sampler.sample(rng, w);
            // Early rejection that keeps acceptance, keeping and the running minimum exact.
            losses.evaluate(w, Math.max(keepThreshold, stats.trainMin()));
            double train = losses.train();
            stats.add(train, losses.gen(), eps);
            if (train < keepThreshold && kept != null) {
                kept.keep(i, train, losses.gen(), losses.norm(w));
            }
        }
    }
}
