package gnc.kernel.splitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gnc.kernel.Activation;
import gnc.kernel.Factorization;
import org.junit.jupiter.api.Test;

class SplittingMemoryTest {
    private static final EpsGrid GRID = new EpsGrid(0.2, 0.0002, 4);
    private static final long GIB = 1L << 30;

    private static SplittingSettings particles(int n) {
        return new SplittingSettings(n, 0.1, 1, 50, 0.3, 0.8, Long.MAX_VALUE);
    }

    /** Width 5, depth 10 (P = 25 + 8 * 25 + 25 = 250), N = 1000, by hand from the class comment's formula. */
    @Test
    void bytesPerReplicaFollowTheFormula() {
        Factorization f = new Factorization(5, 5, 5, 10, Activation.linear());
        assertEquals(250, SplittingMemory.weightsPerState(f));
        long doubles = 1000L * 252 + 2 * 250 + 2 * 10 * 5 * 5 + 25 * 27 + 50;
        long bytes = 8 * doubles + 8 * 1000 + 24L * GRID.size();
        assertEquals(bytes, SplittingMemory.bytesPerReplica(f, particles(1000), GRID));
        assertEquals(bytes, SplittingMemory.check(f, particles(1000), GRID, GIB));
    }

    @Test
    void shapesBeyondTheBudgetAreRefusedInOneLine() {
        Factorization wide = new Factorization(5, 5, 2048, 200, Activation.linear());
        assertEquals("splitting needs 24.8 GiB per replica (2 particles x 830,492,672 weights per state at width"
                        + " 2048, depth 200) but the budget is 4.00 GiB: lower particles, width or depth",
                assertThrows(IllegalArgumentException.class,
                        () -> SplittingMemory.check(wide, particles(2), GRID, 4 * GIB)).getMessage());
        Factorization largest = new Factorization(32, 32, 4096, 1000, Activation.tanh());
        // 4096 * 32 + 998 * 4096^2 + 32 * 4096: past int range.
        assertEquals(16_743_923_712L, SplittingMemory.weightsPerState(largest));
        assertEquals("splitting cannot hold 2 particles x 16,743,923,712 weights per state (width 4096, depth 1000)"
                        + " in one Java array of at most 2,147,483,639 doubles: lower particles, width or depth",
                assertThrows(IllegalArgumentException.class,
                        () -> SplittingMemory.check(largest, particles(2), GRID, Long.MAX_VALUE)).getMessage());
    }
}
