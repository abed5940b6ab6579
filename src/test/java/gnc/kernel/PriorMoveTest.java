package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The move leaves the prior invariant: 20000 prior draws of a depth-3 width-4 model (three layers
 * with two different scales) each take three moves, and every layer's entries, in units of its
 * scale, must still follow the base law D; one more move must have the documented correlation.
 * Entries are iid under the prior and move with independent noise, so each layer gives 320000 or
 * 400000 iid values. Each z-test allows 4.5 standard errors (two-sided false-failure 6.8e-6), each
 * chi-square test 39.3 with 9 degrees of freedom (1e-5); the 5 cases make 63 z-tests and 9
 * chi-square tests, so a correct move fails this class with probability about 5e-4 (the skew of
 * z^4 raises its tail a little; n is large). Fixed streams make the outcome reproducible.
 */
class PriorMoveTest {
    private static final int DRAWS = 20_000;
    private static final int MOVES = 3;
    private static final double Z = 4.5;

    @ParameterizedTest(name = "{0} rho {1}")
    @CsvSource({"gauss, 0.6", "gauss, 0.95", "unif, 0.0", "unif, 0.6", "unif, 0.95"})
    void leavesThePriorInvariantWithTheDocumentedCorrelation(String priorName, double rho) {
        Prior prior = Prior.bySpecName(priorName);
        Factorization f = new Factorization(5, 5, 4, 3, Activation.linear());
        ForwardPass pass = new ForwardPass(f);
        PriorMove move = new PriorMove(pass, prior);
        int count = pass.parameterCount();
        double[][] before = new double[DRAWS][count];
        double[][] after = new double[DRAWS][count];
        SplittableRandom rng = Streams.stream(31L, Double.doubleToLongBits(rho), prior.ordinal());
        double[] state = new double[count];
        double[] next = new double[count];
        for (int i = 0; i < DRAWS; i++) {
            pass.drawPrior(prior, rng, state);
            for (int t = 0; t < MOVES; t++) {
                move.propose(state, 0, next, rho, rng);
                System.arraycopy(next, 0, state, 0, count);
            }
            before[i] = state.clone();
            move.propose(state, 0, after[i], rho, rng);
        }
        for (int j = 1; j <= 3; j++) {
            double scale = 1.0 / Math.sqrt(j == 3 ? 5 : 4);
            int from = pass.offset(j);
            int to = pass.offset(j + 1);
            long n = (long) DRAWS * (to - from);
            double[] x = new double[(int) n];
            double[] y = new double[(int) n];
            int c = 0;
            for (int i = 0; i < DRAWS; i++) {
                for (int e = from; e < to; e++) {
                    x[c] = before[i][e] / scale;
                    y[c] = after[i][e] / scale;
                    c++;
                }
            }
            if (prior == Prior.GAUSS) {
                checkGaussian(x, y, rho, "layer " + j);
            } else {
                checkUniform(x, y, rho, "layer " + j);
            }
        }
    }

    /** N(0, 1): moments 0, 1, 3, the CDF at -1, 0.5, 2, and E[z z'] = rho after one move. */
    private static void checkGaussian(double[] z, double[] next, double rho, String what) {
        int n = z.length;
        assertWithin(mean(z, 1), 0.0, Math.sqrt(1.0 / n), what + " mean");
        assertWithin(mean(z, 2), 1.0, Math.sqrt(2.0 / n), what + " second moment");
        assertWithin(mean(z, 4), 3.0, Math.sqrt(96.0 / n), what + " fourth moment");
        // Phi(-1), Phi(0.5), Phi(2), to 15 digits.
        double[] at = {-1.0, 0.5, 2.0};
        double[] cdf = {0.158655253931457, 0.691462461274013, 0.977249868051821};
        for (int i = 0; i < at.length; i++) {
            double q = cdf[i];
            assertWithin(fractionBelow(z, at[i]), q, Math.sqrt(q * (1 - q) / n), what + " CDF at " + at[i]);
        }
        // z z' has mean rho and variance E[z^2 z'^2] - rho^2 = 1 + rho^2.
        double product = 0;
        for (int i = 0; i < n; i++) {
            product += z[i] * next[i];
        }
        assertWithin(product / n, rho, Math.sqrt((1 + rho * rho) / n), what + " lag-1 correlation");
    }

    /** U[-1, 1]: inside the interval, 10 equal bins (chi-square), moments 0 and 1/3. */
    private static void checkUniform(double[] u, double[] next, double rho, String what) {
        int n = u.length;
        int[] bins = new int[10];
        for (double v : u) {
            assertTrue(v >= -1 && v <= 1, what + ": " + v + " left [-1, 1]");
            bins[Math.min(9, (int) ((v + 1) * 5))]++;
        }
        double expected = n / 10.0;
        double chi2 = 0;
        for (int b : bins) {
            chi2 += (b - expected) * (b - expected) / expected;
        }
        assertTrue(chi2 < 39.34, what + ": chi-square " + chi2 + " over 10 bins");
        assertWithin(mean(u, 1), 0.0, Math.sqrt(1.0 / 3 / n), what + " mean");
        assertWithin(mean(u, 2), 1.0 / 3, Math.sqrt(4.0 / 45 / n), what + " second moment");
        if (rho == 0) {
            // A fresh independent draw: E[u u'] = 0 with variance E[u^2] E[u'^2] = 1/9.
            double product = 0;
            for (int i = 0; i < n; i++) {
                product += u[i] * next[i];
            }
            assertWithin(product / n, 0.0, Math.sqrt(1.0 / 9 / n), what + " independence at rho 0");
        }
    }

    private static double mean(double[] x, int power) {
        double s = 0;
        for (double v : x) {
            s += Math.pow(v, power);
        }
        return s / x.length;
    }

    private static double fractionBelow(double[] x, double t) {
        long c = 0;
        for (double v : x) {
            if (v < t) {
                c++;
            }
        }
        return (double) c / x.length;
    }

    private static void assertWithin(double actual, double expected, double se, String what) {
        assertTrue(Math.abs(actual - expected) < Z * se,
                what + ": " + actual + " vs " + expected + " (se " + se + ")");
    }

    @ParameterizedTest
    @CsvSource({"gauss", "unif"})
    void rhoOutsideItsRangeIsRefused(String priorName) {
        ForwardPass pass = new ForwardPass(new Factorization(2, 2, 2, 2, Activation.linear()));
        PriorMove move = new PriorMove(pass, Prior.bySpecName(priorName));
        double[] w = new double[pass.parameterCount()];
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> move.propose(w, 0, w.clone(), 1.0, new SplittableRandom(1)));
        assertEquals("rho must be in [0, 1), got 1.0", e.getMessage());
    }
}
