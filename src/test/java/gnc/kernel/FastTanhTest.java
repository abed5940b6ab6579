package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** FastTanh against StrictMath.tanh: within 2 ulps everywhere, exact at the special values. */
class FastTanhTest {

    private static double ulpsOff(double x) {
        double e = StrictMath.tanh(x);
        return Math.abs(FastTanh.tanh(x) - e) / Math.ulp(e);
    }

    @Test
    void withinTwoUlpsOfStrictMathOnEveryScale() {
        SplittableRandom rng = new SplittableRandom(7);
        double worst = 0;
        double at = 0;
        for (double scale : new double[] {1e-9, 1e-3, 0.05, 0.3, 0.55, 1, 3, 10, 30}) {
            for (int i = 0; i < 200_000; i++) {
                double x = scale * (2 * rng.nextDouble() - 1);
                double u = ulpsOff(x);
                if (u > worst) {
                    worst = u;
                    at = x;
                }
            }
        }
        assertTrue(worst <= 2.0, worst + " ulps off at " + at);
    }

    @Test
    void aroundTheSwitchBetweenFormulasAndAtSpecialValues() {
        double s = FastTanh.SMALL;
        for (double x : new double[] {Math.nextDown(s), s, Math.nextUp(s), -s, Math.nextDown(-s)}) {
            assertTrue(ulpsOff(x) <= 2.0, "at " + x);
        }
        assertEquals(0.0, FastTanh.tanh(0.0));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(FastTanh.tanh(-0.0)));
        assertEquals(1e-300, FastTanh.tanh(1e-300));
        assertEquals(1.0, FastTanh.tanh(40.0));
        assertEquals(-1.0, FastTanh.tanh(-1e300));
        assertEquals(1.0, FastTanh.tanh(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, FastTanh.tanh(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(FastTanh.tanh(Double.NaN)));
    }
}
