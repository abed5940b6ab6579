package gnc.kernel.splitting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gnc.kernel.Activation;
import gnc.kernel.Factorization;
import gnc.kernel.GncSettings;
import gnc.kernel.Prior;
import gnc.kernel.ProblemGenerator;
import gnc.kernel.ProblemInstance;
import gnc.kernel.ProblemSettings;
import gnc.kernel.Streams;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The estimator's bookkeeping: the structure of a run, determinism, ties, the budget, bad settings. */
class SplittingTest {
    private static final ProblemInstance PROBLEM = ProblemGenerator.generate(ProblemSettings.PAPER,
            Streams.stream(11L, 0));
    private static final Factorization DEPTH_2 = new Factorization(5, 5, 5, 2, Activation.linear());
    private static final GncSettings GAUSS = new GncSettings(Prior.GAUSS, false, GncSettings.DEFAULT_SOFTENING);
    private static final EpsGrid GRID = EpsGrid.between(0.2, 0.002, 2);
    private static final SplittingSettings SMALL = new SplittingSettings(40, 0.1, 1, 20, 0.3, 0.8, Long.MAX_VALUE);

    @Test
    void aRunDescendsThroughTheGridAndItsCostAddsUp() {
        SplittingResult r = new Splitting(PROBLEM, DEPTH_2, GAUSS, SMALL, GRID).run(Streams.stream(91L));
        assertEquals(GRID.size(), r.reached());
        assertEquals(Ladder.End.REACHED, r.ladderEnd());
        assertTrue(Double.isNaN(r.extinctionLevel()));
        double[] p = r.probability();
        long[] kills = r.kills();
        for (int j = 0; j < p.length; j++) {
            assertTrue(p[j] > 0 && p[j] <= 1 && (j == 0 || p[j] < p[j - 1]), r.toString());
            assertTrue(kills[j] >= 0 && (j == 0 || kills[j] >= kills[j - 1]), r.toString());
            // P^ = prod (1 - K/N) over kills of K tied particles, M = sum K: at most (1 - 1/N)^M, the
            // last-particle form, reached when no copy dies with its parent before it moved.
            assertTrue(p[j] <= Math.pow(1 - 1.0 / 40, kills[j]) * (1 + 1e-12), r.toString());
            double mean = r.genMean(j);
            assertTrue(mean > 0 && mean < 1, r.toString());
        }
        assertEquals(40 + (long) r.rungs() * 40 + r.pilotEvaluations(), r.evaluations());
        assertTrue(r.rungs() > 10 && r.acceptance() > 0.1 && r.acceptance() < 0.6, r.toString());
    }

    @Test
    void aReplicaIsAPureFunctionOfItsStream() {
        Splitting reused = new Splitting(PROBLEM, DEPTH_2, GAUSS, SMALL, GRID);
        SplittingResult first = reused.run(Streams.stream(92L, 1));
        SplittingResult other = reused.run(Streams.stream(92L, 2));
        SplittingResult again = reused.run(Streams.stream(92L, 1));
        SplittingResult fresh = new Splitting(PROBLEM, DEPTH_2, GAUSS, SMALL, GRID).run(Streams.stream(92L, 1));
        assertEquals(first, again);
        assertEquals(first, fresh);
        assertNotEquals(first, other);
    }

    /**
     * At depth 1000 and width 5 the product of the layers underflows to about 1e-46, so every draw
     * has the same L_train (the mean of y^2): the particles tie at once and die together. The run
     * ends extinct, with P^ = 0 below that value, instead of failing.
     */
    @Test
    void tiedLossesEndTheRunWithoutFailing() {
        Factorization deep = new Factorization(5, 5, 5, 1000, Activation.linear());
        SplittingSettings s = new SplittingSettings(10, 0.1, 1, 10, 0.3, 0.8, Long.MAX_VALUE);
        SplittingResult r = new Splitting(PROBLEM, deep, GAUSS, s, GRID).run(Streams.stream(93L));
        assertEquals(Ladder.End.EXTINCT, r.ladderEnd());
        assertTrue(r.extinctionLevel() > 0.002 && r.extinctionLevel() < 0.2, r.toString());
        assertEquals(GRID.size(), r.reached());
        assertEquals(0.0, r.probability()[GRID.size() - 1], 0.0);
        SplittingEstimate e = SplittingEstimate.combine(List.of(r, r));
        assertEquals(2, e.extinctReplicas());
        assertTrue(e.flagged() && e.advice().startsWith("2 of 2 replicas ended with every particle at one L_train"),
                e.advice());
    }

    /** A budget too small for the whole descent cuts the ladder: the points below are not reached (NaN). */
    @Test
    void theBudgetLeavesTheDeepPointsUnreached() {
        SplittingSettings s = new SplittingSettings(40, 0.1, 1, 20, 0.3, 0.8, 3000);
        SplittingResult r = new Splitting(PROBLEM, DEPTH_2, GAUSS, s, GRID).run(Streams.stream(94L));
        assertEquals(Ladder.End.BUDGET, r.ladderEnd());
        assertTrue(r.evaluations() <= 3000, r.toString());
        assertTrue(r.reached() >= 1 && r.reached() < GRID.size(), r.toString());
        assertTrue(Double.isNaN(r.probability()[r.reached()]) && r.kills()[r.reached()] == -1, r.toString());
        SplittingResult whole = new Splitting(PROBLEM, DEPTH_2, GAUSS, SMALL, GRID).run(Streams.stream(95L));
        assertEquals(r.reached(), SplittingEstimate.combine(List.of(whole, r)).reached());
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        assertEquals("particles must be >= 2, got 1", assertThrows(IllegalArgumentException.class,
                () -> new SplittingSettings(1, 0.1, 1, 20, 0.3, 0.8, 1)).getMessage());
        assertEquals("kill_fraction must be in (0, 1), got 1.0", assertThrows(IllegalArgumentException.class,
                () -> new SplittingSettings(10, 1.0, 1, 20, 0.3, 0.8, 1)).getMessage());
        assertEquals("moves_per_rung must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new SplittingSettings(10, 0.1, 0, 20, 0.3, 0.8, 1)).getMessage());
        assertEquals("pilot_particles must be >= 2 and leave survivors at kill_fraction 0.9, got 5",
                assertThrows(IllegalArgumentException.class,
                        () -> new SplittingSettings(10, 0.9, 1, 5, 0.3, 0.8, 1)).getMessage());
        assertEquals("target_acceptance must be in (0, 1), got 0.0", assertThrows(IllegalArgumentException.class,
                () -> new SplittingSettings(10, 0.1, 1, 20, 0.0, 0.8, 1)).getMessage());
        assertEquals("initial_rho must be in [0, 1), got 1.0", assertThrows(IllegalArgumentException.class,
                () -> new SplittingSettings(10, 0.1, 1, 20, 0.3, 1.0, 1)).getMessage());
        assertEquals("max_evaluations must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new SplittingSettings(10, 0.1, 1, 20, 0.3, 0.8, 0)).getMessage());
    }
}
