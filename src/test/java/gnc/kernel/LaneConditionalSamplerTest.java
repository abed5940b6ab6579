package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lane moves against the definitions. The forward pass in lanes equals the reference product of
 * each lane's weights (to 1e-12, the sums run in another order). A sweep keeps the prior
 * restricted to L_train &lt; b (b the 5% quantile of L_train): 3000 exact draws of that law (by
 * rejection) each make 5 moves, and the moved states' L_train and L_gen are compared with 3000
 * other exact draws by two-sample Kolmogorov-Smirnov at alpha = 1e-5 and by means at 4.5 standard
 * errors (6.8e-6 each); 4 statistics in each of 5 cases, false-failure probability below 1.4e-4
 * when correct. Every moved state lies below b, with its stored losses those of its weights; the
 * Vector API and plain lanes give the same bits, and a count of states that is not a multiple of
 * eight moves exactly those states.
 */
class LaneConditionalSamplerTest {
    private static final int L = LaneOps.LANES;
    private static final int STATES = 3000;
    private static final int MOVES = 5;

    @ParameterizedTest(name = "{0} width {1} depth {2} normalize {3}")
    @CsvSource({"linear, 5, 2, false", "linear, 5, 10, true", "tanh, 4, 3, false", "leaky_relu, 20, 2, false",
        "tanh, 5, 6, true"})
    void keepsTheRestrictedPriorAndStaysBelowTheLevel(String kind, int k, int d, boolean normalize) {
        ProblemInstance problem = ProblemGenerator.generate(ProblemSettings.PAPER, Streams.stream(12L, 0));
        Factorization f = new Factorization(5, 5, k, d, Activation.of(Activation.Kind.bySpecName(kind), 0.2));
        GncSettings gnc = new GncSettings(Prior.GAUSS, normalize, GncSettings.DEFAULT_SOFTENING);
        ConditionalSampler exact = new ConditionalSampler(problem, f, gnc);
        int p = exact.parameterCount();
        SplittableRandom rng = Streams.stream(42L, k, d, normalize ? 1 : 0);
        double level = RestrictedPrior.fivePercentQuantile(exact, rng);

        double[] states = new double[STATES * p];
        double[] train = new double[STATES];
        double[] gen = new double[STATES];
        double[] refTrain = new double[STATES];
        double[] refGen = new double[STATES];
        double[] one = new double[p];
        double[] t = new double[1];
        double[] g = new double[1];
        for (int i = 0; i < STATES; i++) {
            RestrictedPrior.drawBelow(exact, rng, level, states, train, gen, i);
            RestrictedPrior.drawBelow(exact, rng, level, one, t, g, 0);
            refTrain[i] = t[0];
            refGen[i] = g[0];
        }
        long accepted = new LaneConditionalSampler(problem, f, gnc).sweep(rng, states, train, gen, STATES, level,
                0.8, MOVES);
        double rate = (double) accepted / ((long) STATES * MOVES);
        assertTrue(rate > 0.05 && rate < 0.95, "both branches are exercised (acceptance " + rate + ")");
        for (int i = 0; i < STATES; i++) {
            assertTrue(train[i] < level, "state " + i + " left L_train < " + level + ": " + train[i]);
        }
        for (int i = 0; i < 200; i++) {
            double[] w = RestrictedPrior.product(f, states, i * p, normalize);
            assertEquals(problem.trainLoss(w), train[i], 1e-12 * train[i], "stored L_train of state " + i);
            assertEquals(problem.genLoss(w), gen[i], 1e-12 * gen[i], "stored L_gen of state " + i);
        }
        assertSameLaw(train, refTrain, "L_train");
        assertSameLaw(gen, refGen, "L_gen");
    }

    @ParameterizedTest(name = "{0} width {1} depth {2}")
    @CsvSource({"linear, 5, 2", "linear, 3, 4", "tanh, 5, 3", "leaky_relu, 7, 5", "tanh, 20, 2"})
    void theForwardPassInLanesIsEachLanesProduct(String kind, int k, int d) {
        ProblemInstance problem = ProblemGenerator.generate(ProblemSettings.PAPER, Streams.stream(13L, 0));
        Factorization f = new Factorization(5, 5, k, d, Activation.of(Activation.Kind.bySpecName(kind), 0.2));
        GncSettings gnc = new GncSettings(Prior.GAUSS, false, GncSettings.DEFAULT_SOFTENING);
        int p = f.parameterCount();
        SplittableRandom rng = Streams.stream(43L, k, d);
        double[] x = new double[p * L];
        for (int i = 0; i < x.length; i++) {
            x[i] = Ziggurat.next(rng);
        }
        double[] w = new double[25 * L];
        new LaneConditionalSampler(problem, f, gnc).forward(x, w);
        for (int l = 0; l < L; l++) {
            double[] lane = new double[p];
            for (int e = 0; e < p; e++) {
                lane[e] = x[e * L + l];
            }
            double[] expected = RestrictedPrior.product(f, lane, 0, false);
            for (int e = 0; e < 25; e++) {
                assertEquals(expected[e], w[e * L + l], 1e-12 * Math.max(1, Math.abs(expected[e])),
                        "lane " + l + " entry " + e);
            }
        }
    }

    @ParameterizedTest(name = "{0} states")
    @CsvSource({"8", "13", "1"})
    void vectorAndPlainLanesMoveTheSameStatesToTheSameBits(int count) {
        ProblemInstance problem = ProblemGenerator.generate(ProblemSettings.PAPER, Streams.stream(14L, 0));
        Factorization f = new Factorization(5, 5, 5, 4, Activation.of(Activation.Kind.TANH, 0.2));
        GncSettings gnc = new GncSettings(Prior.GAUSS, true, GncSettings.DEFAULT_SOFTENING);
        ConditionalSampler exact = new ConditionalSampler(problem, f, gnc);
        int p = exact.parameterCount();
        SplittableRandom rng = Streams.stream(44L, count);
        int total = count + 3;
        double[] states = new double[total * p];
        double[] train = new double[total];
        double[] gen = new double[total];
        for (int i = 0; i < total; i++) {
            exact.drawPrior(rng, states, train, gen, i);
        }
        double level = Arrays.stream(train).max().orElseThrow() + 1e-9;
        double[][] s = {states.clone(), states.clone()};
        double[][] t = {train.clone(), train.clone()};
        double[][] g = {gen.clone(), gen.clone()};
        LaneOps[] ops = {new VectorLanes(), new ScalarLanes()};
        long[] accepted = new long[2];
        for (int v = 0; v < 2; v++) {
            accepted[v] = new LaneConditionalSampler(problem, f, gnc, ops[v]).sweep(Streams.stream(45L, count), s[v],
                    t[v], g[v], count, level, 0.5, 3);
        }
        assertTrue(accepted[0] > 0, "some proposal is accepted");
        assertEquals(accepted[1], accepted[0]);
        assertArrayEquals(s[1], s[0]);
        assertArrayEquals(t[1], t[0]);
        assertArrayEquals(g[1], g[0]);
        assertArrayEquals(Arrays.copyOfRange(states, count * p, total * p),
                Arrays.copyOfRange(s[0], count * p, total * p), "states past the count are untouched");
        assertTrue(!Arrays.equals(Arrays.copyOf(states, count * p), Arrays.copyOf(s[0], count * p)),
                "the states below the count moved");
    }

    private static void assertSameLaw(double[] a, double[] b, String what) {
        double z = TwoSample.meanZ(a, b);
        assertTrue(Math.abs(z) < 4.5, what + ": means differ by " + z + " standard errors");
        double ks = TwoSample.ksStatistic(a.clone(), b.clone());
        double critical = TwoSample.ksCritical(a.length, b.length, 1e-5);
        assertTrue(ks < critical, what + ": KS " + ks + " >= " + critical);
    }
}
