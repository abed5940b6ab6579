package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The algorithm's bookkeeping: exact cases, the structure of a run, determinism, bad settings. */
class SubsetSimulationTest {
    private static final ProblemInstance PROBLEM = ProblemGenerator.generate(ProblemSettings.PAPER,
            Streams.stream(11L, 0));
    private static final Factorization DEPTH_2 = new Factorization(5, 5, 5, 2, Activation.linear());
    private static final GncSettings GAUSS = new GncSettings(Prior.GAUSS, false, GncSettings.DEFAULT_SOFTENING);

    /**
     * When at least N p0 prior draws already lie below eps, the prior level is the final one and
     * the result is plain G&C on the same N draws: the draws come from the stream in the same
     * order, so counts and L_gen sums agree to the last bit.
     */
    @ParameterizedTest(name = "{0} width {1} depth {2} normalize {3} {4} eps {5}")
    @CsvSource({
        "linear, 5, 2, false, gauss, 0.2",
        "linear, 5, 4, true, gauss, 0.1",
        "tanh, 3, 3, false, unif, 0.1",
    })
    void aFinalPriorLevelIsPlainGuessAndCheck(String kind, int k, int d, boolean normalize, String priorName,
                                              double eps) {
        Factorization f = new Factorization(5, 5, k, d, Activation.of(Activation.Kind.bySpecName(kind), 0.2));
        // The direct sampler in the scalar kernel: it draws every weight in ForwardPass's order, one
        // draw at a time, as subset simulation's prior level does.
        GncSettings gnc = new GncSettings(Prior.bySpecName(priorName), normalize, GncSettings.DEFAULT_SOFTENING,
                SamplerKind.DIRECT);
        SubsetSettings settings = new SubsetSettings(1000, 0.1, 1, 10, 0.8, 0.44);
        SubsetResult r = new SubsetSimulation(PROBLEM, f, gnc, settings).run(eps, Streams.stream(51L, k, d));
        BlockStats plain = new BlockStats();
        GncSampler.scalar(PROBLEM, f, gnc).run(Streams.stream(51L, k, d), 1000, eps, plain);

        assertTrue(plain.accepted() >= 100, "the case needs a final prior level (" + plain.accepted() + " accepted)");
        assertEquals(0, r.levels());
        assertEquals(plain.accepted(), r.finalCount());
        assertEquals(plain.accepted() / 1000.0, r.probability(), 0.0);
        assertEquals(plain.acceptedGenSum(), r.genSum(), 0.0);
        assertEquals(plain.acceptedGenSumSq(), r.genSumSq(), 0.0);
        double p = r.probability();
        assertEquals(Math.sqrt((1 - p) / (1000 * p)), r.cv(), 1e-15);
        assertEquals(1000, r.evaluations());
        assertEquals(false, r.levelsExhausted());
    }

    @Test
    void levelsDescendToEpsAndTheCostAddsUp() {
        int moves = 2;
        SubsetSettings settings = new SubsetSettings(500, 0.1, moves, 20, 0.8, 0.44);
        double eps = 0.025;
        SubsetResult r = new SubsetSimulation(PROBLEM, DEPTH_2, GAUSS, settings).run(eps, Streams.stream(52L));
        int m = r.levels();
        assertTrue(m >= 2, "the case needs several levels, got " + m);
        double[] b = r.thresholds();
        for (int i = 0; i < m; i++) {
            assertTrue(b[i] > eps && (i == 0 || b[i] < b[i - 1]), "levels descend to eps: " + r);
            assertTrue(r.acceptanceRates()[i] > 0 && r.acceptanceRates()[i] <= 1, r.toString());
            assertTrue(r.rhos()[i] >= 0 && r.rhos()[i] < 1, r.toString());
        }
        // No ties at a quantile on this stream: every MCMC level has exactly N p0 = 50 seeds.
        assertEquals(500 + (long) m * (500 - 50) * moves, r.evaluations());
        assertTrue(r.finalCount() >= 50 && !r.levelsExhausted(), r.toString());
        assertEquals(Math.pow(0.1, m) * r.finalCount() / 500, r.probability(), 1e-15 * r.probability());
        assertTrue(r.genSumSq() * r.finalCount() >= r.genSum() * r.genSum(), "Cauchy-Schwarz on the L_gen sums");
    }

    @Test
    void runningOutOfLevelsEndsAtTheLastOne() {
        SubsetSettings settings = new SubsetSettings(500, 0.1, 1, 1, 0.8, 0.44);
        SubsetResult r = new SubsetSimulation(PROBLEM, DEPTH_2, GAUSS, settings).run(0.02, Streams.stream(53L));
        assertEquals(1, r.levels());
        assertTrue(r.levelsExhausted());
        assertTrue(r.finalCount() < 50, r.toString());
        assertEquals(0.1 * r.finalCount() / 500, r.probability(), 1e-18);
    }

    @Test
    void aReplicaIsAPureFunctionOfItsStream() {
        SubsetSettings settings = new SubsetSettings(300, 0.1, 1, 20, 0.8, 0.44);
        SubsetSimulation reused = new SubsetSimulation(PROBLEM, DEPTH_2, GAUSS, settings);
        SubsetResult first = reused.run(0.03, Streams.stream(54L, 1));
        SubsetResult other = reused.run(0.03, Streams.stream(54L, 2));
        SubsetResult again = reused.run(0.03, Streams.stream(54L, 1));
        SubsetResult fresh = new SubsetSimulation(PROBLEM, DEPTH_2, GAUSS, settings).run(0.03, Streams.stream(54L, 1));
        assertEquals(first, again);
        assertEquals(first, fresh);
        assertNotEquals(first, other);
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        assertEquals("samplesPerLevel * levelProbability must be a whole number >= 1 of seeds, got 1000 * 0.1234",
                assertThrows(IllegalArgumentException.class,
                        () -> new SubsetSettings(1000, 0.1234, 1, 10, 0.8, 0.44)).getMessage());
        assertEquals("levelProbability must be in (0, 1), got 1.0", assertThrows(IllegalArgumentException.class,
                () -> new SubsetSettings(1000, 1.0, 1, 10, 0.8, 0.44)).getMessage());
        assertEquals("samplesPerLevel must be >= 2, got 1", assertThrows(IllegalArgumentException.class,
                () -> new SubsetSettings(1, 0.5, 1, 10, 0.8, 0.44)).getMessage());
        assertEquals("movesPerState must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new SubsetSettings(1000, 0.1, 0, 10, 0.8, 0.44)).getMessage());
        assertEquals("maxLevels must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new SubsetSettings(1000, 0.1, 1, 0, 0.8, 0.44)).getMessage());
        assertEquals("initialRho must be in [0, 1), got 1.0", assertThrows(IllegalArgumentException.class,
                () -> new SubsetSettings(1000, 0.1, 1, 10, 1.0, 0.44)).getMessage());
        assertEquals("targetAcceptance must be in (0, 1), got 0.0", assertThrows(IllegalArgumentException.class,
                () -> new SubsetSettings(1000, 0.1, 1, 10, 0.8, 0.0)).getMessage());
        SubsetSimulation sim = new SubsetSimulation(PROBLEM, DEPTH_2, GAUSS, SubsetSettings.DEFAULTS);
        assertEquals("eps must be > 0, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> sim.run(0.0, Streams.stream(1L))).getMessage());
    }
}
