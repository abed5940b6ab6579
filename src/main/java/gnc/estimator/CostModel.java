package gnc.estimator;

import gnc.kernel.Factorization;
import gnc.kernel.GncSettings;
import gnc.kernel.Lanes;
import gnc.kernel.SamplerKind;

/**
 * Rough single-core costs of the kernel's operations, fitted by hand to `gnc bench` on this
 * project's machine (an AMD EPYC core; within a factor of about 2 of the measured draws/s at widths
 * 5 to 160 and depths 2 to 10): they size tasks and plans, never a result.
 */
public final class CostModel {
    private static final double NANOS_PER_RANDOM = 2.5;
    private static final double NANOS_PER_MULTIPLY_ADD = 0.5;
    private static final double NANOS_PER_ACTIVATION = 4;
    private static final double NANOS_PER_LOSS_TERM = 0.2;
    /** The lane kernel's speed-up over the scalar costs below: 1.6x to 4.3x measured (docs/throughput.md). */
    private static final double LANE_SPEEDUP = 2.5;

    private CostModel() {
    }

    /** Weights of the factorization, as a long (k^2 d overflows an int at the largest shapes). */
    public static long weights(Factorization m) {
        long k = m.width();
        return k * m.cols() + (m.depth() - 2L) * k * k + (long) m.rows() * k;
    }

    /** Nanoseconds of one plain G&C draw with these settings: in lanes where they apply ({@link Lanes}). */
    public static double gncDrawNanos(Factorization m, GncSettings settings) {
        double nanos = drawNanos(m, settings.resolvedSampler(m));
        return Lanes.applies(m, settings) ? inLanes(nanos) : nanos;
    }

    /** The cost of work costing scalarNanos one draw at a time when eight draws share the lane kernel. */
    public static double inLanes(double scalarNanos) {
        return scalarNanos / LANE_SPEEDUP;
    }

    /** Nanoseconds of one prior draw of W and its losses with the given (resolved) sampler, one draw at a time. */
    public static double drawNanos(Factorization m, SamplerKind sampler) {
        long k = m.width();
        long cols = m.cols();
        double hidden = (m.depth() - 1.0) * k * cols;
        double losses = NANOS_PER_LOSS_TERM * m.rows() * cols * m.rows() * cols;
        double activations = m.activation().isLinear() ? 0 : NANOS_PER_ACTIVATION * hidden;
        if (sampler == SamplerKind.REDUCED) {
            double randoms = m.activation().isLinear() ? (m.depth() - 1.0) * cols * (cols + 1) / 2 + m.rows() * cols
                    : hidden + m.rows() * cols;
            double products = m.activation().isLinear() ? (m.depth() - 1.0) * cols * cols * cols / 3
                    : (m.depth() - 1.0) * k * cols * cols;
            return NANOS_PER_RANDOM * randoms + NANOS_PER_MULTIPLY_ADD * products + activations + losses;
        }
        double products = (m.depth() - 2.0) * k * k * cols + (double) m.rows() * k * cols;
        return NANOS_PER_RANDOM * weights(m) + NANOS_PER_MULTIPLY_ADD * products + activations + losses;
    }
}
