package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chi-square variates against the chi-square law (CDF from Apache Commons Math): a one-sample KS
 * test at alpha 1e-5 and z-tests (|z| < 5, 5.7e-7 each) on the mean nu (variance 2 nu) and the
 * variance 2 nu (the sample variance's variance being (E(x - nu)^4 - (2 nu)^2) / N with
 * E(x - nu)^4 = 12 nu (nu + 4)). A correct sampler fails a degree with probability below 1.2e-5,
 * all nine below 1.1e-4. Streams are fixed.
 */
class ChiSquareTest {
    private static final int DRAWS = 200_000;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 20, 159, 640})
    void variatesFollowTheChiSquareLaw(int nu) {
        ChiSquare c = new ChiSquare(nu);
        SplittableRandom rng = Streams.stream(500L, nu);
        double[] x = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            x[i] = c.draw(rng);
        }
        double mean = TwoSample.mean(x);
        double var = TwoSample.variance(x);
        double n = DRAWS;
        assertTrue(Math.abs(mean - nu) < 5 * Math.sqrt(2.0 * nu / n), "mean " + mean + " for nu " + nu);
        double varSd = Math.sqrt((12.0 * nu * (nu + 4) - 4.0 * nu * nu) / n);
        assertTrue(Math.abs(var - 2.0 * nu) < 5 * varSd, "variance " + var + " for nu " + nu);

        ChiSquaredDistribution law = new ChiSquaredDistribution(nu);
        Arrays.sort(x);
        double d = 0;
        for (int i = 0; i < DRAWS; i++) {
            double f = law.cumulativeProbability(x[i]);
            d = Math.max(d, Math.max(f - i / n, (i + 1) / n - f));
        }
        double critical = Math.sqrt(-Math.log(1e-5 / 2) / 2) / Math.sqrt(n);
        assertTrue(d < critical, "KS statistic " + d + " >= " + critical + " for nu " + nu);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -3})
    void degreesBelowOneAreRejected(int nu) {
        assertThrows(IllegalArgumentException.class, () -> new ChiSquare(nu));
    }
}
