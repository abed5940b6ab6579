package gnc.kernel;

import java.util.SplittableRandom;
import org.apache.logging.log4j.LogManager;

/**
 * Where G&C draws in lanes, with which sampler and which {@link LaneOps}. Lanes draw with the
 * Gaussian prior: the direct sampler's law ({@link LaneSampler}) at widths up to
 * {@link #MAX_WIDTH}, the reduced sampler's for linear factorizations ({@link LaneWishartSampler})
 * up to {@link #MAX_WISHART_WIDTH} and for tanh and leaky ReLU ({@link LaneGramSampler}) at every
 * width; they replace today's one-draw-at-a-time kernel where the bench measured them
 * faster (docs/throughput.md). Which kernel draws is part of a job's stream identity
 * ({@link #kernel}).
 */
public final class Lanes {
    /** Written into unit fingerprints and run manifests: changing the lane algorithm must change it. */
    public static final String KERNEL = "lanes-8-boxmuller-v3";
    /** {@link #KERNEL} of the reduced sampler in lanes ({@link LaneGramSampler}). */
    public static final String GRAM_KERNEL = "lanes-8-gram-v3";
    /** {@link #KERNEL} of the reduced sampler of linear factorizations in lanes ({@link LaneWishartSampler}). */
    public static final String WISHART_KERNEL = "lanes-8-wishart-v1";
    /** {@link #kernel} where G&C draws one draw at a time. */
    public static final String SCALAR = "scalar";
    /**
     * The widest lane width measured for the direct sampler: at 160 lanes drew 2.3x to 4.3x the
     * scalar kernel; beyond it (640: k^2 weights per hidden layer and lane) today's kernel is
     * kept, unmeasured in lanes. The Gram sampler's workspace is k m' per lane: no such bound.
     */
    public static final int MAX_WIDTH = 160;
    /**
     * The widest width the lane Wishart sampler draws at: its chi-squares take k/2 uniforms each,
     * the scalar Wishart sampler's one gamma variate; measured (docs/throughput.md, depth 2) 2.0x
     * the scalar sampler at k = 20, 1.7x at 40, 1.3x at 80, 0.99x at 160, where the scalar draws.
     */
    public static final int MAX_WISHART_WIDTH = 80;
    private static final LaneOps OPS = load();

    private Lanes() {
    }

    /**
     * The kernel G&C draws with for these settings and model: {@link #KERNEL} (direct, in lanes),
     * {@link #WISHART_KERNEL} (reduced, linear, in lanes), {@link #GRAM_KERNEL} (reduced, tanh or
     * leaky ReLU, in lanes) or {@link #SCALAR}.
     */
    public static String kernel(Factorization model, GncSettings settings) {
        if (settings.prior() != Prior.GAUSS) {
            return SCALAR;
        }
        if (settings.resolvedSampler(model) == SamplerKind.DIRECT) {
            return model.width() <= MAX_WIDTH ? KERNEL : SCALAR;
        }
        if (model.activation().isLinear()) {
            return model.width() <= MAX_WISHART_WIDTH ? WISHART_KERNEL : SCALAR;
        }
        return GRAM_KERNEL;
    }

    /** Whether G&C with these settings draws in lanes for this model. */
    public static boolean applies(Factorization model, GncSettings settings) {
        return !kernel(model, settings).equals(SCALAR);
    }

    /** The lane sampler of the settings' resolved sampler: direct, or reduced (Wishart steps or Gram steps). */
    static LaneProductSampler sampler(Factorization model, GncSettings settings, LaneOps ops) {
        if (settings.resolvedSampler(model) == SamplerKind.DIRECT) {
            return new LaneSampler(model, ops);
        }
        return model.activation().isLinear() ? new LaneWishartSampler(model, ops) : new LaneGramSampler(model, ops);
    }

    /** The lane operations of this JVM: the Vector API's when the module is present, else plain loops. */
    static LaneOps ops() {
        return OPS;
    }

    /** Whether this JVM computes lanes with the Vector API. */
    public static boolean vectorized() {
        return !(OPS instanceof ScalarLanes);
    }

    /**
     * Seeds the LANES streams of a block from its stream: lane l's xoroshiro128+ state (s0, s1)
     * from the l-th and (LANES + l)-th nextLong (the all-zero state, which would stay zero, taken
     * as (0, 1)).
     */
    static void seed(SplittableRandom rng, long[] state) {
        int n = LaneOps.LANES;
        for (int l = 0; l < n; l++) {
            state[l] = rng.nextLong();
        }
        for (int l = 0; l < n; l++) {
            long s1 = rng.nextLong();
            state[n + l] = (state[l] | s1) == 0 ? 1L : s1;
        }
    }

    private static LaneOps load() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                return (LaneOps) Class.forName("gnc.kernel.VectorLanes").getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                LogManager.getLogger(Lanes.class).warn("the Vector API failed to load (" + e
                        + "): G&C lanes run as plain loops, the same draws, slower");
                return new ScalarLanes();
            }
        }
        LogManager.getLogger(Lanes.class).warn("this JVM lacks --add-modules jdk.incubator.vector: G&C"
                + " lanes run as plain loops, the same draws, slower");
        return new ScalarLanes();
    }
}
