package gnc.kernel.splitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The combiner on hand-computed replicas. */
class SplittingEstimateTest {
    private static final double[] EPS = {0.1, 0.01, 0.001};

    private static SplittingResult replica(int reached, double[] p, double[] g, long[] kills) {
        return new SplittingResult(EPS, reached, p, g, kills, 100, 10, 5, 0.3, Ladder.End.REACHED, Double.NaN);
    }

    @Test
    void combinesPointByPointAsTheClassCommentSays() {
        SplittingResult a = replica(3, new double[] {0.5, 0.1, 0.02}, new double[] {0.1, 0.03, 0.004},
                new long[] {2, 10, 20});
        SplittingResult b = replica(3, new double[] {0.7, 0.3, 0.0}, new double[] {0.2, 0.05, 0.0},
                new long[] {4, 14, 30});
        SplittingResult c = replica(2, new double[] {0.6, 0.2, Double.NaN}, new double[] {0.3, 0.04, Double.NaN},
                new long[] {3, 12, -1});
        SplittingEstimate e = SplittingEstimate.combine(List.of(a, b, c));
        assertEquals(3, e.replicas());
        assertEquals(2, e.reached());
        assertEquals(300, e.evaluations());
        // Point 0: P = (0.5, 0.7, 0.6), mean 0.6, sd 0.1; G = (0.1, 0.2, 0.3), sum 0.6, genMean = 0.6 / 1.8.
        assertEquals(0.6, e.probability()[0], 1e-15);
        assertEquals(0.1 / Math.sqrt(3), e.probabilitySe()[0], 1e-15);
        double g = 0.6 / 1.8;
        double dev = Math.pow(0.1 - g * 0.5, 2) + Math.pow(0.2 - g * 0.7, 2) + Math.pow(0.3 - g * 0.6, 2);
        assertEquals(g, e.genMean()[0], 1e-15);
        assertEquals(Math.sqrt(1.5 * dev) / 1.8, e.genSe()[0], 1e-15);
        // Kills (2, 4, 3): mean 3, variance 1, dispersion 1/3; at point 1 (10, 14, 12): variance 4, dispersion 1/3.
        assertEquals(1.0 / 3, e.dispersion()[0], 1e-15);
        assertEquals(12, e.killsMean()[1], 1e-15);
        assertEquals(1.0 / 3, e.dispersion()[1], 1e-15);
        assertEquals(1, e.mixingPoint());
        assertEquals(1.0 / 3, e.mixingIndex(), 1e-15);
        assertFalse(e.poorMixing() || e.flagged());
        assertNull(e.advice());
        assertTrue(Double.isNaN(e.probability()[2]) && Double.isNaN(e.genMean()[2]) && Double.isNaN(e.dispersion()[2]));
        // P = 0.6 at eps 0.1 and 0.2 at 0.01: slope ln 3 / ln 10.
        assertEquals(Math.log(3) / Math.log(10), e.logSlope(1), 1e-15);
        assertTrue(Double.isNaN(e.logSlope(0)) && Double.isNaN(e.logSlope(2)));
    }

    @Test
    void overdispersedKillsFlagTheTrial() {
        SplittingResult a = replica(3, new double[] {0.5, 0.1, 0.02}, new double[] {0.1, 0.03, 0.004},
                new long[] {2, 10, 10});
        SplittingResult b = replica(3, new double[] {0.7, 0.3, 0.01}, new double[] {0.2, 0.05, 0.002},
                new long[] {4, 14, 40});
        SplittingEstimate e = SplittingEstimate.combine(List.of(a, b));
        // Kills (10, 40) at 0.001: mean 25, variance 450, dispersion 18.
        assertEquals(18, e.mixingIndex(), 1e-12);
        assertTrue(e.poorMixing() && e.flagged());
        assertEquals("poor mixing: at eps 0.00100 the replicas' kill counts vary 18.0 times as much as exact"
                + " resampling would, so the standard errors may understate the error; raise splitting.moves (or"
                + " lower splitting.kill_fraction), or run more splitting.replicas", e.advice());
    }

    @Test
    void theLimitIsTwiceTheChiSquare99PercentPointPerDegreeOfFreedom() {
        // Exact chi-square 99% points: 6.6349 (1 degree of freedom), 30.5779 (15), 92.0100 (63).
        assertEquals(2 * 6.6349, SplittingEstimate.dispersionLimit(2), 0.01 * 2 * 6.6349);
        assertEquals(2 * 30.5779 / 15, SplittingEstimate.dispersionLimit(16), 2e-3 * 2 * 30.5779 / 15);
        assertEquals(2 * 92.0100 / 63, SplittingEstimate.dispersionLimit(64), 2e-3 * 2 * 92.0100 / 63);
    }

    @Test
    void replicasOfDifferentGridsAreRefused() {
        SplittingResult a = replica(3, new double[3], new double[3], new long[3]);
        SplittingResult other = new SplittingResult(new double[] {1, 0.1, 0.01}, 3, new double[3], new double[3],
                new long[3], 1, 0, 0, Double.NaN, Ladder.End.REACHED, Double.NaN);
        assertEquals("replicas of different grids cannot be combined", assertThrows(IllegalArgumentException.class,
                () -> SplittingEstimate.combine(List.of(a, other))).getMessage());
    }
}
