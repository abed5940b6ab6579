package gnc.kernel;

import java.util.SplittableRandom;

/**
 * Guess & Check on one problem instance (PAPER.md §3): draws W from the prior with the sampler
 * the settings choose ({@link SamplerKind}), optionally normalizes it, and accepts it when
 * L_train(W) < eps. Every draw's L_gen feeds the prior baseline; accepted draws' L_gen feed the
 * G&C result. Runs a block of draws in preallocated workspaces without allocating per draw. One
 * instance per thread.
 */
public final class GncSampler {
    private final ProductSampler sampler;
    private final LossEvaluator losses;
    private final GncSettings settings;
    private final double[] w;

    public GncSampler(ProblemInstance problem, Factorization model, GncSettings settings) {
        if (problem.rows() != model.rows() || problem.cols() != model.cols()) {
            throw new IllegalArgumentException("model shape " + model.rows() + " x " + model.cols()
                    + " does not match problem shape " + problem.rows() + " x " + problem.cols());
        }
        this.sampler = settings.sampler().create(model, settings.prior());
        this.losses = new LossEvaluator(problem);
        this.settings = settings;
        this.w = new double[problem.dimension()];
    }

    /** The sampler drawing W. */
    public ProductSampler sampler() {
        return sampler;
    }

    /** Makes count draws from rng and adds them to stats. */
    public void run(SplittableRandom rng, long count, double eps, BlockStats stats) {
        boolean normalize = settings.normalize();
        double softening = settings.softening();
        for (long i = 0; i < count; i++) {
            sampler.sample(rng, w);
            double scale = normalize ? 1.0 / (frobeniusNorm(w) + softening) : 1.0;
            // Early rejection that keeps the acceptance test and the running minimum exact.
            losses.evaluate(w, scale, Math.max(eps, stats.trainMin()));
            stats.add(losses.train(), losses.gen(), eps);
        }
    }

    static double frobeniusNorm(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
