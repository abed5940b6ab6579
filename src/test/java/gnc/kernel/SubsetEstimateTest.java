package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The combination of replicas, worked out by hand. */
class SubsetEstimateTest {

    @Test
    void averagesProbabilitiesAndPoolsTheFinalStates() {
        // P: mean 3e-6, deviations -2e-6, -1e-6, 3e-6, sample variance 7e-12, se sqrt(7e-12 / 3).
        // L_gen: 55 / 400 = 0.1375; residuals G_r - 0.1375 N_r = -3.75, 0, 3.75;
        // se = sqrt(3/2 * 28.125) / 400.
        SubsetEstimate e = SubsetEstimate.combine(new double[] {1e-6, 2e-6, 6e-6}, new long[] {100, 0, 300},
                new double[] {10, 0, 45});
        assertEquals(3, e.replicas());
        assertEquals(3e-6, e.probability(), 1e-21);
        assertEquals(Math.sqrt(7e-12 / 3), e.probabilitySe(), 1e-21);
        assertEquals(400, e.finalCount());
        assertEquals(0.1375, e.genMean(), 1e-16);
        assertEquals(Math.sqrt(1.5 * 28.125) / 400, e.genSe(), 1e-16);
    }

    @Test
    void undefinedStatisticsAreNaN() {
        SubsetEstimate one = SubsetEstimate.combine(new double[] {1e-6}, new long[] {5}, new double[] {1});
        assertEquals(0.2, one.genMean(), 1e-16);
        assertTrue(Double.isNaN(one.probabilitySe()));
        assertTrue(Double.isNaN(one.genSe()));
        SubsetEstimate none = SubsetEstimate.combine(new double[] {0, 0}, new long[] {0, 0}, new double[] {0, 0});
        assertEquals(0.0, none.probability(), 0.0);
        assertEquals(0.0, none.probabilitySe(), 0.0);
        assertTrue(Double.isNaN(none.genMean()));
        assertTrue(Double.isNaN(none.genSe()));
    }

    @Test
    void mismatchedOrEmptyInputIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SubsetEstimate.combine(new double[] {1}, new long[] {1, 2}, new double[] {1}));
        assertEquals("need the same number (>= 1) of probabilities, counts and L_gen sums, got 1, 2, 1", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SubsetEstimate.combine(new double[0], new long[0], new double[0]));
    }
}
