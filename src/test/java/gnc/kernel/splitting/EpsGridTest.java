package gnc.kernel.splitting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gnc.kernel.Activation;
import gnc.kernel.Factorization;
import gnc.kernel.GncSettings;
import gnc.kernel.Prior;
import gnc.kernel.ProblemSettings;
import org.junit.jupiter.api.Test;

class EpsGridTest {
    @Test
    void pointsAreEvenlySpacedInLogFromEpsMaxDown() {
        EpsGrid g = EpsGrid.between(0.2, 0.002, 2);
        assertEquals(5, g.size());
        double[] v = g.values();
        double[] expected = {0.2, 0.2 / Math.sqrt(10), 0.02, 0.02 / Math.sqrt(10), 0.002};
        for (int j = 0; j < 5; j++) {
            assertEquals(expected[j], v[j], 1e-15 * expected[j]);
        }
        assertEquals(0.2, g.epsMax(), 0.0);
        // The same bits every time (StrictMath).
        assertArrayEquals(v, EpsGrid.between(0.2, 0.002, 2).values());
        assertEquals(0.2 * StrictMath.pow(10, -0.5), v[1], 0.0);
    }

    @Test
    void theLastPointIsTheLastStepAtOrAboveEpsMin() {
        assertEquals(2, EpsGrid.between(1, 0.05, 1).size());
        assertEquals(3, EpsGrid.between(1, 0.01, 1).size());
        assertEquals(1, EpsGrid.between(1, 1, 4).size());
        assertEquals(13, EpsGrid.between(0.35, 0.000035, 3).size());
    }

    /**
     * Figure 2's trial (eps 0.0035, normalized: prior level 2 / 25 = 0.08) at 4 points per decade:
     * from 0.0035 * 10^(6/4) = 0.11 (the first point above 0.08) down to 3.5e-5, through 0.0035 exactly.
     */
    @Test
    void theDefaultRunsFromThePriorsLevelThroughTheGivenEpsToAHundredthOfIt() {
        ProblemSettings paper = ProblemSettings.PAPER;
        Factorization depth10 = new Factorization(5, 5, 5, 10, Activation.linear());
        GncSettings normalized = new GncSettings(Prior.GAUSS, true, GncSettings.DEFAULT_SOFTENING);
        double level = EpsGrid.priorLevel(paper, depth10, normalized);
        assertEquals(0.08, level, 1e-15);
        EpsGrid g = EpsGrid.around(0.0035, level, 4);
        assertEquals(6 + 8 + 1, g.size());
        assertEquals(0.0035, g.value(6), 0.0);
        assertEquals(0.0035 * StrictMath.pow(10, 1.5), g.epsMax(), 0.0);
        assertEquals(0.0035 * StrictMath.pow(10, -2), g.epsMin(), 0.0);
        // Unnormalized: E||W||^2 = m' (Gaussian), m' / 3^d (uniform), m' 0.52^(d-1) (leaky ReLU 0.2); plus ||W*||^2 = 1.
        GncSettings gauss = new GncSettings(Prior.GAUSS, false, GncSettings.DEFAULT_SOFTENING);
        GncSettings unif = new GncSettings(Prior.UNIF, false, GncSettings.DEFAULT_SOFTENING);
        Factorization depth2 = new Factorization(5, 5, 5, 2, Activation.linear());
        assertEquals(6.0 / 25, EpsGrid.priorLevel(paper, depth2, gauss), 1e-15);
        assertEquals((5.0 / 9 + 1) / 25, EpsGrid.priorLevel(paper, depth2, unif), 1e-15);
        Factorization leaky = new Factorization(5, 5, 5, 3, Activation.leakyRelu(0.2));
        assertEquals((5 * 0.52 * 0.52 + 1) / 25, EpsGrid.priorLevel(paper, leaky, gauss), 1e-15);
        // A prior level below eps starts the grid at eps.
        assertEquals(0.02, EpsGrid.around(0.02, 0.001, 4).epsMax(), 0.0);
    }

    /** Given bounds: anchored at eps, from the first point at or above eps_max to the last at or above eps_min. */
    @Test
    void anAnchoredGridSpansTheGivenBoundsThroughEps() {
        EpsGrid g = EpsGrid.anchored(0.0035, 0.08, 0.0035 / 1000, 4);
        assertEquals(6 + 12 + 1, g.size());
        assertEquals(0.0035, g.value(6), 0.0);
        assertEquals(0.0035 * StrictMath.pow(10, -3), g.epsMin(), 0.0);
        // Bounds between grid points: 0.05 rounds up to 0.0035 * 10^(5/4) = 0.062, 1e-5 up to 1.1e-5.
        EpsGrid h = EpsGrid.anchored(0.0035, 0.05, 1e-5, 4);
        assertEquals(0.0035 * StrictMath.pow(10, 1.25), h.epsMax(), 0.0);
        assertEquals(0.0035 * StrictMath.pow(10, -2.5), h.epsMin(), 0.0);
        // eps itself need not lie in the range.
        assertEquals(0.001, EpsGrid.anchored(0.01, 0.001, 1e-4, 1).epsMax(), 1e-18);
    }

    @Test
    void badGridsAreRefusedNamingTheField() {
        assertEquals("eps_max must be finite and > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> EpsGrid.between(0, 0, 1)).getMessage());
        assertEquals("eps_min must be in (0, eps_max = 0.1], got 0.2",
                assertThrows(IllegalArgumentException.class, () -> EpsGrid.between(0.1, 0.2, 1)).getMessage());
        assertEquals("points_per_decade must be in 1..64, got 0",
                assertThrows(IllegalArgumentException.class, () -> EpsGrid.between(0.1, 0.01, 0)).getMessage());
        assertEquals("eps_max / eps_min = 1.0E100 at 64 points per decade gives more than 4096 points: raise eps_min",
                assertThrows(IllegalArgumentException.class, () -> EpsGrid.between(1, 1e-100, 64)).getMessage());
        assertEquals("eps must be finite and > 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> EpsGrid.around(-1, 0.1, 4)).getMessage());
    }
}
