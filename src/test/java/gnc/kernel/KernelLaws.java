package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

/**
 * The lane kernels against the scalar oracle (LaneGncTest, LaneGramSamplerTest): every draw's
 * losses of a G&amp;C block, and the three checks that two kernels draw the same law.
 */
final class KernelLaws {
    private KernelLaws() {
    }

    /** L_train (row 0) and L_gen (row 1) of each of the block's draws, in draw order. */
    static double[][] losses(GncSampler g, SplittableRandom rng, int draws) {
        double[][] out = new double[2][draws];
        g.run(rng, draws, 0.0, Double.POSITIVE_INFINITY, (i, t, e, n) -> {
            out[0][(int) i] = t;
            out[1][(int) i] = e;
        }, new BlockStats());
        return out;
    }

    /**
     * The prior mean of L_gen within 5 standard errors, and two-sample KS on L_train and L_gen at
     * alpha = 1e-5 each: a false failure with probability below 2.06e-5 per call.
     */
    static void assertSameLaw(double[][] a, double[][] b) {
        int n = a[0].length;
        int m = b[0].length;
        double critical = TwoSample.ksCritical(n, m, 1e-5);
        double zGen = TwoSample.meanZ(a[1], b[1]);
        assertTrue(zGen < 5, "prior mean of L_gen: z = " + zGen);
        double ksTrain = TwoSample.ksStatistic(a[0], b[0]);
        assertTrue(ksTrain < critical, "L_train: KS " + ksTrain + " >= " + critical);
        double ksGen = TwoSample.ksStatistic(a[1], b[1]);
        assertTrue(ksGen < critical, "L_gen: KS " + ksGen + " >= " + critical);
    }
}
