package gnc.kernel.splitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gnc.kernel.Activation;
import gnc.kernel.Factorization;
import gnc.kernel.GncSettings;
import gnc.kernel.Prior;
import gnc.kernel.SamplerKind;
import org.junit.jupiter.api.Test;

class SplittingMemoryTest {
    private static final EpsGrid GRID = EpsGrid.between(0.2, 0.0002, 4);
    private static final long GIB = 1L << 30;
    private static final GncSettings DIRECT = new GncSettings(Prior.GAUSS, false, 1e-6, SamplerKind.DIRECT);
    private static final GncSettings AUTO = new GncSettings(Prior.GAUSS, false, 1e-6);
    private static final GncSettings REDUCED = new GncSettings(Prior.GAUSS, false, 1e-6, SamplerKind.REDUCED);
    private static final GncSettings UNIFORM = new GncSettings(Prior.UNIF, false, 1e-6);

    private static SplittingSettings particles(int n) {
        return new SplittingSettings(n, 0.1, 1, 50, 0.3, 0.8, Long.MAX_VALUE);
    }

    /** Width 5, depth 10, N = 1000, by hand from the class comment's formula, in either space. */
    @Test
    void bytesPerReplicaFollowTheFormula() {
        Factorization f = new Factorization(5, 5, 5, 10, Activation.linear());
        // Full weights: P = 25 + 8 * 25 + 25 = 250; work 2 P + 2 d k m'.
        assertEquals(250, SplittingMemory.stateSize(f, DIRECT));
        long full = 8 * (1000L * 252 + 2 * 250 + 2 * 10 * 25 + 25 * 27 + 50) + 8 * 1000 + 24L * GRID.size();
        assertEquals(full, SplittingMemory.bytesPerReplica(f, DIRECT, particles(1000), GRID));
        assertEquals(full, SplittingMemory.check(f, DIRECT, particles(1000), GRID, GIB));
        // Reduced parameters: S = 9 * 25 + 25 = 250; work S + k m' + 2 m'^2. Auto keeps the full weights at width 5.
        assertEquals(250, SplittingMemory.stateSize(f, REDUCED));
        long reduced = 8 * (1000L * 252 + 250 + 25 + 50 + 25 * 27 + 50) + 8 * 1000 + 24L * GRID.size();
        assertEquals(reduced, SplittingMemory.bytesPerReplica(f, REDUCED, particles(1000), GRID));
        assertEquals(full, SplittingMemory.bytesPerReplica(f, AUTO, particles(1000), GRID));
        // Where they differ: width 352, depth 3.
        Factorization wide = new Factorization(5, 5, 352, 3, Activation.linear());
        assertEquals(352 * 5 + 352 * 352 + 5 * 352, SplittingMemory.stateSize(wide, DIRECT));
        assertEquals(2 * 352 * 5 + 25, SplittingMemory.stateSize(wide, AUTO));
    }

    @Test
    void shapesBeyondTheBudgetAreRefusedInOneLine() {
        Factorization wide = new Factorization(5, 5, 2048, 200, Activation.linear());
        assertEquals("splitting needs 24.8 GiB per replica (2 particles x 830,492,672 weights per state at width"
                        + " 2048, depth 200) but the budget is 4.00 GiB: lower particles, width or depth",
                assertThrows(IllegalArgumentException.class,
                        () -> SplittingMemory.check(wide, UNIFORM, particles(2), GRID, 4 * GIB)).getMessage());
        // The Gaussian prior's reduced parameters hold the same shape in 199 * 2048 * 5 + 25 doubles.
        assertEquals(2_037_785, SplittingMemory.stateSize(wide, AUTO));
        SplittingMemory.check(wide, AUTO, particles(200), GRID, 4 * GIB);

        Factorization largest = new Factorization(32, 32, 4096, 1000, Activation.tanh());
        // 4096 * 32 + 998 * 4096^2 + 32 * 4096: past int range.
        assertEquals(16_743_923_712L, SplittingMemory.weightsPerState(largest));
        assertEquals("splitting cannot hold 2 particles x 16,743,923,712 weights per state (width 4096, depth 1000)"
                        + " in one Java array of at most 2,147,483,639 doubles: lower particles, width or depth",
                assertThrows(IllegalArgumentException.class,
                        () -> SplittingMemory.check(largest, UNIFORM, particles(2), GRID, Long.MAX_VALUE)).getMessage());
        // 999 * 4096 * 32 + 32 * 32 reduced parameters, 8 bytes each, for 10 particles and the proposal.
        assertEquals("splitting needs 10.7 GiB per replica (10 particles x 130,941,952 reduced parameters per state"
                        + " at width 4096, depth 1000) but the budget is 4.00 GiB: lower particles, width or depth",
                assertThrows(IllegalArgumentException.class,
                        () -> SplittingMemory.check(largest, AUTO, particles(10), GRID, 4 * GIB)).getMessage());
    }
}
