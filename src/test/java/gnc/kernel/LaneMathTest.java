package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * The lane kernel's elementary functions against StrictMath (accuracy in ulps of the exact
 * result, measured over random arguments) and its Box-Muller normals against the standard normal
 * law. Each statistical check fails a correct generator with probability at most 1e-5 (KS at
 * alpha 1e-5; z-tests at |z| < 5, 5.7e-7 each); the five together below 1.2e-5. Streams are
 * fixed, so outcomes are reproducible.
 */
class LaneMathTest {
    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    @Test
    void tanhIsWithinThreeUlpsOfStrictMath() {
        SplittableRandom rng = Streams.stream(710L, 1);
        double worst = 0;
        for (int i = 0; i < 2_000_000; i++) {
            // Log-uniform magnitudes from 1e-12 to 30, both signs, and uniform ones in [-3, 3].
            double x = i % 2 == 0 ? Math.pow(10, -12 + 13.5 * rng.nextDouble()) * (rng.nextBoolean() ? 1 : -1)
                    : 6 * rng.nextDouble() - 3;
            double exact = StrictMath.tanh(x);
            worst = Math.max(worst, Math.abs(LaneMath.tanh(x) - exact) / Math.ulp(exact));
        }
        assertTrue(worst <= 3, "worst error " + worst + " ulps");
        assertEquals(0.0, LaneMath.tanh(0.0));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(LaneMath.tanh(-0.0)));
        assertEquals(1.0, LaneMath.tanh(1e300));
        assertEquals(-1.0, LaneMath.tanh(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(LaneMath.tanh(Double.NaN)));
    }

    @Test
    void logAndCircleFunctionsAreWithinTwoUlpsOfStrictMath() {
        SplittableRandom rng = Streams.stream(710L, 2);
        double worstLog = 0;
        double worstTrig = 0;
        for (int i = 0; i < 1_000_000; i++) {
            long bits = rng.nextLong();
            double u = 2.0 - Double.longBitsToDouble((bits >>> 12) | LaneMath.ONE_BITS);
            double exact = -2.0 * StrictMath.log(u);
            if (exact != 0) {
                worstLog = Math.max(worstLog, Math.abs(LaneMath.minusTwoLog(bits) - exact) / Math.ulp(exact));
            }
            double g = LaneMath.angle(bits);
            double s = StrictMath.sin(g * Math.PI / 2);
            double c = StrictMath.cos(g * Math.PI / 2);
            worstTrig = Math.max(worstTrig, Math.abs(LaneMath.sinPoly(g) - s) / Math.ulp(Math.max(Math.abs(s), 1e-300)));
            worstTrig = Math.max(worstTrig, Math.abs(LaneMath.cosPoly(g) - c) / Math.ulp(c));
        }
        assertTrue(worstLog <= 2, "-2 ln u: worst error " + worstLog + " ulps");
        assertTrue(worstTrig <= 2, "sin, cos: worst error " + worstTrig + " ulps");
    }

    /** The even chi-squares' logarithm of a product of uniforms: u log-uniform over [2^-832, 1] (LaneOps.MAX_UNIFORMS). */
    @Test
    void logOfUniformProductsIsWithinTwoUlpsOfStrictMath() {
        SplittableRandom rng = Streams.stream(710L, 4);
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            double u = Math.scalb(1.0 + rng.nextDouble(), -1 - rng.nextInt(832));
            double exact = -2.0 * StrictMath.log(u);
            worst = Math.max(worst, Math.abs(LaneMath.minusTwoLn(u) - exact) / Math.ulp(exact));
        }
        assertTrue(worst <= 2, "-2 ln u: worst error " + worst + " ulps");
    }

    @Test
    void normalsFollowTheStandardNormalLaw() {
        int lanes = LaneOps.LANES;
        int pairs = 125_000;
        long[] state = new long[2 * lanes];
        Lanes.seed(Streams.stream(710L, 3), state);
        double[] out = new double[2 * pairs * lanes];
        new ScalarLanes().normals(state, out, pairs);
        double n = out.length;
        double s1 = 0;
        double s2 = 0;
        double s4 = 0;
        double pairProduct = 0;
        for (int i = 0; i < out.length; i++) {
            double v = out[i];
            s1 += v;
            s2 += v * v;
            s4 += v * v * v * v;
        }
        // A pair's two variates are independent: E z0 z1 = 0 with sd 1.
        for (int p = 0; p < pairs; p++) {
            for (int l = 0; l < lanes; l++) {
                pairProduct += out[2 * p * lanes + l] * out[(2 * p + 1) * lanes + l];
            }
        }
        // Moments: E x = 0 (sd 1), E x^2 = 1 (sd sqrt 2), E x^4 = 3 (sd sqrt(105 - 9) = sqrt 96).
        assertTrue(Math.abs(s1 / n) < 5 / Math.sqrt(n), "mean " + s1 / n);
        assertTrue(Math.abs(s2 / n - 1) < 5 * Math.sqrt(2 / n), "second moment " + s2 / n);
        assertTrue(Math.abs(s4 / n - 3) < 5 * Math.sqrt(96 / n), "fourth moment " + s4 / n);
        assertTrue(Math.abs(pairProduct / (n / 2)) < 5 / Math.sqrt(n / 2), "pair correlation " + pairProduct / (n / 2));
        Arrays.sort(out);
        double d = 0;
        for (int i = 0; i < out.length; i++) {
            double f = NORMAL.cumulativeProbability(out[i]);
            d = Math.max(d, Math.max(Math.abs(f - i / n), Math.abs(f - (i + 1) / n)));
        }
        // One-sample KS at alpha 1e-5: sqrt(-ln(alpha / 2) / 2) / sqrt(n).
        assertTrue(d < Math.sqrt(-Math.log(0.5e-5) / 2) / Math.sqrt(n), "KS distance " + d);
    }
}
