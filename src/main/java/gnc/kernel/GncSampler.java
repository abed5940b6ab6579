package gnc.kernel;

import java.util.SplittableRandom;

/**
 * Guess & Check on one problem instance (docs/science.md §3): draws W from the prior with the sampler
 * the settings choose ({@link SamplerKind}), optionally normalizes it ({@link GncLosses}), and
 * accepts it when L_train(W) < eps. Every draw's L_gen feeds the prior baseline; accepted draws'
 * L_gen feed the G&C result. Runs a block of draws in preallocated workspaces without allocating
 * per draw. One instance per thread.
 *
 * <p>Two kernels: where {@link Lanes#applies}, {@link LaneOps#LANES} draws at a time in lanes
 * ({@link LaneSampler} or {@link LaneGramSampler}, {@link LaneLosses}; draw i of a block is lane i mod LANES of group
 * i / LANES, so a block's draws are a prefix of the same block's in any longer run); elsewhere,
 * and always for {@link #scalar}, one draw at a time (a {@link ProductSampler} and
 * {@link GncLosses}).
 */
public final class GncSampler {
    private static final int L = LaneOps.LANES;
    private final ProductSampler sampler;
    private final GncLosses losses;
    private final double[] w;
    private final LaneProductSampler laneSampler;
    private final LaneLosses laneLosses;
    private final long[] laneState;

    public GncSampler(ProblemInstance problem, Factorization model, GncSettings settings) {
        this(problem, model, settings, Lanes.applies(model, settings) ? Lanes.ops() : null);
    }

    /** G&C one draw at a time, the kernel before lanes: the oracle of tests and the bench's reference. */
    public static GncSampler scalar(ProblemInstance problem, Factorization model, GncSettings settings) {
        return new GncSampler(problem, model, settings, null);
    }

    /** G&C in lanes of ops (null: one draw at a time). */
    GncSampler(ProblemInstance problem, Factorization model, GncSettings settings, LaneOps ops) {
        if (problem.rows() != model.rows() || problem.cols() != model.cols()) {
            throw new IllegalArgumentException("model shape " + model.rows() + " x " + model.cols()
                    + " does not match problem shape " + problem.rows() + " x " + problem.cols());
        }
        if (ops == null) {
            this.sampler = settings.sampler().create(model, settings.prior());
            this.losses = new GncLosses(problem, settings);
            this.w = new double[problem.dimension()];
            this.laneSampler = null;
            this.laneLosses = null;
            this.laneState = null;
        } else {
            this.sampler = null;
            this.losses = null;
            this.w = new double[problem.dimension() * L];
            this.laneSampler = Lanes.sampler(model, settings, ops);
            this.laneLosses = new LaneLosses(problem, settings, ops);
            this.laneState = new long[2 * L];
        }
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
        if (laneSampler != null) {
            runLanes(rng, count, eps, keepThreshold, kept, stats);
            return;
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

    /** The lane kernel: groups of LANES draws, each lane's losses exact, added in draw order. */
    private void runLanes(SplittableRandom rng, long count, double eps, double keepThreshold, KeptDraws kept,
                          BlockStats stats) {
        if (count <= 0) {
            return;
        }
        Lanes.seed(rng, laneState);
        for (long first = 0; first < count; first += L) {
            laneSampler.sample(laneState, w);
            laneLosses.evaluate(w);
            int n = (int) Math.min(L, count - first);
            boolean normed = laneLosses.normalizes();
            for (int l = 0; l < n; l++) {
                double train = laneLosses.train(l);
                stats.add(train, laneLosses.gen(l), eps);
                if (train < keepThreshold && kept != null) {
                    if (!normed) {
                        laneLosses.norms(w);
                        normed = true;
                    }
                    kept.keep(first + l, train, laneLosses.gen(l), laneLosses.norm(l));
                }
            }
        }
    }
}
