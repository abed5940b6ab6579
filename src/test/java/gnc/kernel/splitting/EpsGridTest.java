package gnc.kernel.splitting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EpsGridTest {
    @Test
    void pointsAreEvenlySpacedInLogAndIncludeAWholeNumberOfStepsDown() {
        EpsGrid g = new EpsGrid(0.2, 0.002, 2);
        assertEquals(5, g.size());
        double[] v = g.values();
        double[] expected = {0.2, 0.2 / Math.sqrt(10), 0.02, 0.02 / Math.sqrt(10), 0.002};
        for (int j = 0; j < 5; j++) {
            assertEquals(expected[j], v[j], 1e-15 * expected[j]);
        }
        assertEquals(0.2, v[0], 0.0);
        // The same bits every time (StrictMath).
        assertArrayEquals(v, new EpsGrid(0.2, 0.002, 2).values());
        assertEquals(0.2 * StrictMath.pow(10, -0.5), v[1], 0.0);
    }

    @Test
    void theLastPointIsTheLastStepAtOrAboveEpsMin() {
        assertEquals(2, new EpsGrid(1, 0.05, 1).size());
        assertEquals(3, new EpsGrid(1, 0.01, 1).size());
        assertEquals(1, new EpsGrid(1, 1, 4).size());
        assertEquals(13, new EpsGrid(0.35, 0.000035, 3).size());
    }

    @Test
    void badGridsAreRefusedNamingTheField() {
        assertEquals("eps_max must be finite and > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new EpsGrid(0, 0, 1)).getMessage());
        assertEquals("eps_min must be in (0, eps_max = 0.1], got 0.2",
                assertThrows(IllegalArgumentException.class, () -> new EpsGrid(0.1, 0.2, 1)).getMessage());
        assertEquals("points_per_decade must be in 1..64, got 0",
                assertThrows(IllegalArgumentException.class, () -> new EpsGrid(0.1, 0.01, 0)).getMessage());
        assertEquals("eps_max / eps_min = 1.0E100 at 64 points per decade gives more than 4096 points: raise eps_min",
                assertThrows(IllegalArgumentException.class, () -> new EpsGrid(1, 1e-100, 64)).getMessage());
    }
}
