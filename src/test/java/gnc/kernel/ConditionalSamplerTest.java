package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The constrained chain leaves the prior conditioned on L_train &lt; b invariant and never leaves
 * the set. b is the 5% quantile of L_train; 3000 exact draws from the conditional law (by
 * rejection) each take 5 steps, and the moved states' mean L_train and L_gen are compared with
 * another 3000 exact draws (two-sample z-test at 4.5 standard errors, false-failure 6.8e-6; 8
 * such tests in all: 5.4e-5 when correct). Every state's stored losses are also checked against
 * the reference definitions for the first 100 chains, so accepted and rejected steps both keep
 * each state's weights and losses together.
 */
class ConditionalSamplerTest {
    private static final int STARTS = 3000;
    private static final int STEPS = 5;

    @ParameterizedTest(name = "{0} width {1} depth {2} normalize {3} {4}")
    @CsvSource({
        "linear, 5, 2, false, gauss, 0.8",
        "linear, 5, 3, true, gauss, 0.8",
        "tanh, 4, 3, false, gauss, 0.8",
        "linear, 5, 2, false, unif, 0.8",
    })
    void keepsTheConditionalLawAndStaysBelowTheLevel(String kind, int k, int d, boolean normalize,
                                                      String priorName, double rho) {
        ProblemInstance problem = ProblemGenerator.generate(ProblemSettings.PAPER, Streams.stream(11L, 0));
        Factorization f = new Factorization(5, 5, k, d, Activation.of(Activation.Kind.bySpecName(kind), 0.2));
        GncSettings gnc = new GncSettings(Prior.bySpecName(priorName), normalize, GncSettings.DEFAULT_SOFTENING);
        ConditionalSampler sampler = new ConditionalSampler(problem, f, gnc);
        int p = sampler.parameterCount();
        SplittableRandom rng = Streams.stream(41L, k, d, normalize ? 1 : 0, gnc.prior().ordinal());

        double level = RestrictedPrior.fivePercentQuantile(sampler, rng);
        double[] one = new double[p];
        double[] t = new double[1];
        double[] g = new double[1];

        double[] states = new double[STARTS * (STEPS + 1) * p];
        double[] train = new double[STARTS * (STEPS + 1)];
        double[] gen = new double[STARTS * (STEPS + 1)];
        double[][] reference = new double[2][STARTS];
        for (int i = 0; i < STARTS; i++) {
            RestrictedPrior.drawBelow(sampler, rng, level, states, train, gen, i * (STEPS + 1));
        }
        for (int i = 0; i < STARTS; i++) {
            RestrictedPrior.drawBelow(sampler, rng, level, one, t, g, 0);
            reference[0][i] = t[0];
            reference[1][i] = g[0];
        }
        long accepted = 0;
        for (int c = 0; c < STARTS; c++) {
            int start = c * (STEPS + 1);
            for (int s = 1; s <= STEPS; s++) {
                if (sampler.step(rng, states, train, gen, start + s - 1, start + s, level, rho)) {
                    accepted++;
                }
                assertTrue(train[start + s] < level, "a state left L_train < " + level + ": " + train[start + s]);
            }
        }
        double rate = (double) accepted / (STARTS * STEPS);
        assertTrue(rate > 0.05 && rate < 0.95, "both branches are exercised (acceptance " + rate + ")");

        for (int i = 0; i < 100 * (STEPS + 1); i++) {
            double[] w = RestrictedPrior.product(f, states, i * p, normalize);
            assertEquals(problem.trainLoss(w), train[i], 1e-12 * train[i], "stored L_train of state " + i);
            assertEquals(problem.genLoss(w), gen[i], 1e-12 * gen[i], "stored L_gen of state " + i);
        }

        double[][] moved = new double[2][STARTS];
        for (int c = 0; c < STARTS; c++) {
            moved[0][c] = train[c * (STEPS + 1) + STEPS];
            moved[1][c] = gen[c * (STEPS + 1) + STEPS];
        }
        assertSameMean(moved[0], reference[0], "L_train");
        assertSameMean(moved[1], reference[1], "L_gen");
    }

    private static void assertSameMean(double[] a, double[] b, String what) {
        double ma = Arrays.stream(a).average().orElseThrow();
        double mb = Arrays.stream(b).average().orElseThrow();
        double va = Arrays.stream(a).map(x -> (x - ma) * (x - ma)).sum() / (a.length - 1);
        double vb = Arrays.stream(b).map(x -> (x - mb) * (x - mb)).sum() / (b.length - 1);
        double se = Math.sqrt(va / a.length + vb / b.length);
        assertTrue(Math.abs(ma - mb) < 4.5 * se, what + ": moved mean " + ma + " vs exact " + mb + " (se " + se + ")");
    }
}
