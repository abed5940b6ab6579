package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Au & Beck's correlation factor on layouts small enough to work out by hand. */
class ChainCorrelationTest {

    @Test
    void equalChainsGiveAuAndBecksFactor() {
        // Two chains of 3; indicators (train < 1): [1 1 0] and [0 1 1], p = 2/3, R(0) = 2/9.
        // Lag 1: 2 of 4 pairs both 1, R(1) = 1/2 - 4/9 = 1/18, term 2 (1 - 1/3) (1/18) / (2/9) = 1/3.
        // Lag 2: 0 of 2 pairs, R(2) = -4/9, term 2 (1 - 2/3) (-4/9) / (2/9) = -4/3. gamma = -1.
        double[] train = {0, 0, 2, 2, 0, 0};
        assertEquals(-1.0, ChainCorrelation.factor(train, 6, 2, 1.0), 1e-15);
    }

    @Test
    void unequalChainsWeighEachLagByItsPairs() {
        // 7 states in 3 chains of lengths 3, 2, 2: indicators [1 1 1], [1 0], [0 0]; p = 4/7,
        // R(0) = 12/49. Lag 1: 4 pairs, 2 both 1: R(1) = 1/2 - 16/49 = 17/98, term
        // 2 (4/7) (17/98) / (12/49) = 17/21. Lag 2: 1 pair, both 1: R(2) = 33/49, term
        // 2 (1/7) (33/49) / (12/49) = 11/14. gamma = 17/21 + 11/14 = 67/42.
        double[] train = {0, 0, 0, 0, 5, 5, 5};
        assertEquals(67.0 / 42, ChainCorrelation.factor(train, 7, 3, 1.0), 1e-15);
        assertEquals(0, ChainCorrelation.start(7, 3, 0));
        assertEquals(3, ChainCorrelation.start(7, 3, 1));
        assertEquals(5, ChainCorrelation.start(7, 3, 2));
        assertEquals(3, ChainCorrelation.length(7, 3, 0));
        assertEquals(2, ChainCorrelation.length(7, 3, 2));
    }

    @Test
    void independentStatesAndDegenerateFractionsHaveNoCorrection() {
        double[] train = {0, 3, 0, 3, 0};
        assertEquals(0.0, ChainCorrelation.factor(train, 5, 5, 1.0), 0.0);
        assertEquals(0.0, ChainCorrelation.factor(train, 5, 1, 10.0), 0.0);
        assertEquals(0.0, ChainCorrelation.factor(train, 5, 1, -1.0), 0.0);
        assertEquals((1 - 0.4) / (5 * 0.4) * 1.5, ChainCorrelation.cvSquared(0.4, 5, 0.5), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, ChainCorrelation.cvSquared(0.0, 5, 0.0));
    }
}
