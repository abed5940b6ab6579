package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GradientDescentTest {
    /**
     * The tiny case worked by hand: m = 1, m' = 2, k = 1, depth 2, linear, so W = c (a, b) with
     * weights (a, b, c) = (W_1; W_2). One measurement A = (1, 0), W* = (0.6, 0.8), y = 0.6, test
     * basis B = (0, 1). L_train = (c a - 0.6)^2, so g = (2 r c, 0, 2 r a) with r = c a - 0.6.
     * Start (1, 0.5, 0.5), lr = 0.1.
     * Step 1: r = -0.1, g = (-0.1, 0, -0.2), sum g^2 = 0.05, s_1 = 0.01 * 0.05 = 5e-4,
     *   s_1 / (1 - 0.99) = 0.05, step_1 = 0.1 / (sqrt(0.05) + 1e-6) = 0.44721159550890217,
     *   p_1 = (1 + 0.1 step_1, 0.5, 0.5 + 0.2 step_1) = (1.0447211595508902, 0.5, 0.58944231910178043).
     * Step 2: r = c a - 0.6 = 0.015802863100377901, g = (2 r c, 0, 2 r a)
     *   = (0.018629752548669404, 0, 0.033019170924901554), s_2 = 0.99 s_1 + 0.01 sum g^2
     *   = 5.0937333328592518e-4, s_2 / (1 - 0.99^2) = s_2 / 0.0199, step_2 = 0.1 / (sqrt(that) + 1e-6)
     *   = 0.62503699188342509, p_2 = p_1 - step_2 g = (1.0330768750583373, 0.5, 0.56880411583239532).
     * With momentum 0.9: v_1 = g_1 (same p_1); v_2 = 0.9 g_1 + g_2 and s is unchanged, so
     *   p_2 = p_1 - step_2 v_2 = (1.0893302043278456, 0.5, 0.68131077437141183).
     * Losses at plain p_2: L_train = (c a - 0.6)^2 = 1.5330455085902905e-4, L_gen = (c b - 0.8)^2
     * = 0.26584123788105199. (Worked in 40-digit decimal arithmetic.)
     */
    private static final double[] START = {1.0, 0.5, 0.5};
    private static final double[] PLAIN_AFTER_TWO = {1.0330768750583373, 0.5, 0.56880411583239532};
    private static final double[] MOMENTUM_AFTER_TWO = {1.0893302043278456, 0.5, 0.68131077437141183};
    private static final double[] AFTER_ONE = {1.0447211595508902, 0.5, 0.58944231910178043};

    private static GradientDescent tinyCase() {
        ProblemInstance problem = new ProblemInstance(1, 2, new double[] {0.6, 0.8}, new double[] {1, 0},
                new double[] {0, 1});
        return new GradientDescent(problem, new Factorization(1, 2, 1, 2, Activation.linear()));
    }

    @Test
    void twoAdaptiveStepsMatchTheHandComputation() {
        double[] p = START.clone();
        GdResult result = tinyCase().train(new GdSettings(0.1, 2, 1.0, 0.0), p);
        assertArrayEquals(PLAIN_AFTER_TWO, p, 1e-14);
        assertEquals(1.5330455085902905e-4, result.trainLoss(), 1e-16);
        assertEquals(0.26584123788105199, result.genLoss(), 1e-14);
        assertEquals(2, result.epochs());

        double[] one = START.clone();
        tinyCase().train(new GdSettings(0.1, 1, 1.0, 0.0), one);
        assertArrayEquals(AFTER_ONE, one, 1e-14);
    }

    @Test
    void momentumIsAppliedAsInTheHandComputation() {
        double[] one = START.clone();
        tinyCase().train(new GdSettings(0.1, 1, 1.0, 0.9), one);
        assertArrayEquals(AFTER_ONE, one, 1e-14, "v_1 = g_1: the first step is the plain one");
        double[] p = START.clone();
        tinyCase().train(new GdSettings(0.1, 2, 1.0, 0.9), p);
        assertArrayEquals(MOMENTUM_AFTER_TWO, p, 1e-14);
    }

    /** The paper's problem (5 x 5, rank 1, 15 measurements) with a factorization of the given shape. */
    private static GradientDescent paperCase(Activation act, int width, int depth) {
        ProblemInstance problem = ProblemGenerator.generate(ProblemSettings.PAPER, Streams.stream(31L, 0));
        return new GradientDescent(problem, new Factorization(5, 5, width, depth, act));
    }

    @Test
    void momentumZeroIsThePlainRuleBitForBitAndMomentumChangesTheTrajectory() {
        GdSettings plain = new GdSettings(1e-2, 300, 0.1, 0.0);
        GradientDescent gd = paperCase(Activation.tanh(), 4, 3);
        double[] start = new double[gd.parameterCount()];
        gd.initialize(plain.initScale(), Streams.stream(32L), start);

        double[] viaRun = start.clone();
        GdResult result = gd.train(plain, viaRun);
        double[] reference = plainRule(plain, start);
        assertArrayEquals(reference, viaRun, 0.0);

        double[] withMomentum = start.clone();
        GdResult moved = gd.train(new GdSettings(1e-2, 300, 0.1, 0.9), withMomentum);
        double distance = 0;
        for (int i = 0; i < start.length; i++) {
            distance = Math.max(distance, Math.abs(withMomentum[i] - viaRun[i]));
        }
        assertTrue(distance > 1e-3, "momentum 0.9 should move the weights elsewhere, max difference " + distance);
        assertTrue(Math.abs(moved.trainLoss() - result.trainLoss()) > 0, "the final losses should differ");
    }

    /** docs/science.md §4 without momentum, written out from the formula over TrainLossGradient. */
    private static double[] plainRule(GdSettings settings, double[] start) {
        ProblemInstance problem = ProblemGenerator.generate(ProblemSettings.PAPER, Streams.stream(31L, 0));
        TrainLossGradient backprop = new TrainLossGradient(problem,
                new Factorization(5, 5, 4, 3, Activation.tanh()));
        double[] p = start.clone();
        double[] g = new double[p.length];
        double s = 0;
        double power = 1;
        for (int t = 1; t <= settings.epochs(); t++) {
            backprop.evaluate(p, g);
            double sumSq = 0;
            for (double x : g) {
                sumSq += x * x;
            }
            s = 0.99 * s + (1 - 0.99) * sumSq;
            power *= 0.99;
            double step = settings.learningRate() / (Math.sqrt(s / (1 - power)) + 1e-6);
            for (int i = 0; i < p.length; i++) {
                p[i] -= step * g[i];
            }
        }
        return p;
    }

    /**
     * GD fits the paper's problem (linear, depth 2, width 5) with lr 1e-3, 2e4 epochs, init scale
     * 1e-3, no momentum: the RMS-normalized step moves the weights by about lr per step, so L_train
     * settles near lr^2 (measured ~3e-8 on 8 seeds), well below 1e-6.
     */
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2})
    void fitsASmallSensingProblem(long seed) {
        ProblemInstance problem = ProblemGenerator.generate(ProblemSettings.PAPER, Streams.stream(33L, seed));
        GradientDescent gd = new GradientDescent(problem, new Factorization(5, 5, 5, 2, Activation.linear()));
        GdResult result = gd.run(new GdSettings(1e-3, 20_000, 1e-3, 0.0), Streams.stream(34L, seed));
        assertTrue(result.trainLoss() < 1e-6, "L_train after GD: " + result.trainLoss());
        assertEquals(20_000, result.epochs());
    }

    @Test
    void runReportsTheLossesOfItsFinalWeights() {
        ProblemInstance problem = ProblemGenerator.generate(ProblemSettings.PAPER, Streams.stream(35L, 0));
        Factorization model = new Factorization(5, 5, 3, 3, Activation.leakyRelu(0.2));
        GradientDescent gd = new GradientDescent(problem, model);
        GdSettings settings = new GdSettings(1e-2, 50, 0.5, 0.9);
        GdResult result = gd.run(settings, Streams.stream(36L));
        double[] p = new double[gd.parameterCount()];
        gd.initialize(settings.initScale(), Streams.stream(36L), p);
        gd.train(settings, p);
        ForwardPass pass = new ForwardPass(model);
        double[] w = new double[25];
        pass.compute(p, w);
        assertEquals(problem.trainLoss(w), result.trainLoss(), 1e-14);
        assertEquals(problem.genLoss(w), result.genLoss(), 1e-14);
    }

    /**
     * Entries of W_j are initScale * Uniform[-1/sqrt(f), 1/sqrt(f)], f = m' for W_1 and k after,
     * drawn W_1..W_d row-major, one nextDouble() each. Checked: the exact draw order, the bounds,
     * the largest entry near the bound, and mean (x / bound)^2 = 1/3 per layer: the standard error
     * of a mean of N values of u^2 (u uniform on [-1, 1], variance 4/45) is 0.298 / sqrt(N), and
     * a 4.5 standard-error tolerance fails with probability < 1e-5 per layer when correct; the
     * largest of N >= 200 entries is below 0.95 * bound with probability 0.95^200 < 4e-5.
     */
    @Test
    void initializationIsScaledUniformInTheDocumentedOrder() {
        int k = 50;
        Factorization model = new Factorization(5, 4, k, 3, Activation.tanh());
        ProblemInstance problem = ProblemGenerator.generate(new ProblemSettings(5, 4, 1, 1.0, 10, false),
                Streams.stream(37L));
        GradientDescent gd = new GradientDescent(problem, model);
        double scale = 0.3;
        double[] p = new double[gd.parameterCount()];
        gd.initialize(scale, Streams.stream(38L), p);

        ForwardPass layout = new ForwardPass(model);
        SplittableRandom replay = Streams.stream(38L);
        for (int j = 1; j <= 3; j++) {
            double bound = scale / Math.sqrt(j == 1 ? 4 : k);
            int from = layout.offset(j);
            int to = layout.offset(j + 1);
            double largest = 0;
            double meanSquare = 0;
            for (int i = from; i < to; i++) {
                assertEquals(bound * (2 * replay.nextDouble() - 1), p[i], 0.0, "entry " + i);
                assertTrue(Math.abs(p[i]) <= bound, "entry " + i + " outside the bound " + bound);
                largest = Math.max(largest, Math.abs(p[i]));
                meanSquare += (p[i] / bound) * (p[i] / bound) / (to - from);
            }
            assertTrue(largest > 0.95 * bound, "layer " + j + " largest " + largest + " of bound " + bound);
            assertEquals(1.0 / 3, meanSquare, 4.5 * 0.298 / Math.sqrt(to - from), "layer " + j);
        }

        double[] doubled = new double[p.length];
        gd.initialize(2 * scale, Streams.stream(38L), doubled);
        for (int i = 0; i < p.length; i++) {
            assertEquals(2 * p[i], doubled[i], 0.0, "scaling by 2 is exact");
        }
    }

    @Test
    void settingsRejectBadValuesNamingTheField() {
        assertEquals("learning rate must be finite and > 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new GdSettings(0, 1, 1, 0)).getMessage());
        assertEquals("epochs must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new GdSettings(1, 0, 1, 0)).getMessage());
        assertEquals("init scale must be finite and > 0, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new GdSettings(1, 1, Double.NaN, 0)).getMessage());
        assertEquals("momentum must be in [0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> new GdSettings(1, 1, 1, 1)).getMessage());
    }

    @ParameterizedTest
    @CsvSource({"4, 5", "5, 4"})
    void rejectsAMismatchedShapeOrWeightCount(int rows, int cols) {
        ProblemInstance problem = ProblemGenerator.generate(ProblemSettings.PAPER, Streams.stream(39L));
        assertThrows(IllegalArgumentException.class,
                () -> new GradientDescent(problem, new Factorization(rows, cols, 3, 2, Activation.linear())));
        GradientDescent gd = new GradientDescent(problem, new Factorization(5, 5, 3, 2, Activation.linear()));
        assertEquals("expected 30 weights, got 29", assertThrows(IllegalArgumentException.class,
                () -> gd.train(new GdSettings(1, 1, 1, 0), new double[29])).getMessage());
        assertEquals(30, gd.parameterCount());
    }
}
