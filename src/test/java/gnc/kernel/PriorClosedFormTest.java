package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The prior mean of L_gen against docs/science.md §3's closed forms for linear factorizations, on
 * several data sets, shapes, widths and depths:
 * <ul>
 *   <li>no normalization: E<B, W>^2 = 1/m for every unit B, so E L_gen = 1/m + mean_B <B, W*>^2;</li>
 *   <li>normalization (Gaussian prior): W/||W|| is invariant under W -> U W V, so
 *       E<B, W/||W||>^2 = 1/(m m') and E L_gen = 1/(m m') + mean_B <B, W*>^2.</li>
 * </ul>
 * Softening is 0 here so the normalized form is exact. Each case runs the direct sampler and, where
 * it is exact (width >= m'), the reduced one, each on its own stream. A check passes when the
 * estimate lies within 4 standard errors (estimated from the draws) of the closed form: a correct
 * sampler fails one check with probability 6.3e-5, all 40 together with probability below 2.6e-3.
 * The streams are fixed, so the outcome is reproducible.
 */
class PriorClosedFormTest {
    private static final int DRAWS = 200_000;

    @ParameterizedTest(name = "{0}x{1} width {2} depth {3} data set {4} normalize {5}")
    @CsvSource({
        "5, 5, 5, 2, 0, false", "5, 5, 5, 2, 1, false", "5, 5, 20, 2, 2, false", "5, 5, 5, 4, 0, false",
        "5, 5, 2, 3, 1, false", "5, 5, 1, 2, 2, false", "3, 4, 5, 2, 0, false", "4, 3, 6, 3, 1, false",
        "5, 5, 5, 2, 0, true", "5, 5, 5, 2, 1, true", "5, 5, 20, 2, 2, true", "5, 5, 5, 4, 0, true",
        "5, 5, 3, 6, 1, true", "5, 5, 1, 2, 2, true", "3, 4, 5, 2, 0, true", "4, 3, 6, 3, 1, true",
        "5, 5, 40, 2, 3, false", "5, 5, 40, 2, 3, true", "2, 6, 4, 2, 4, false", "2, 6, 4, 2, 4, true",
        "5, 5, 8, 5, 5, false", "5, 5, 8, 5, 5, true", "6, 6, 3, 2, 6, false", "6, 6, 3, 2, 6, true",
    })
    void priorMeanMatchesTheClosedForm(int m, int mp, int k, int d, int dataSet, boolean normalize) {
        int n = Math.max(1, m * mp * 3 / 5);
        ProblemSettings settings = new ProblemSettings(m, mp, 1, 1.0, n, false);
        ProblemInstance problem = ProblemGenerator.generate(settings, Streams.stream(100L, dataSet));
        double signal = 0;
        for (double t : problem.testTargets()) {
            signal += t * t;
        }
        signal /= problem.testCount();
        double expected = (normalize ? 1.0 / (m * mp) : 1.0 / m) + signal;

        Factorization f = new Factorization(m, mp, k, d, Activation.linear());
        for (SamplerKind kind : SamplerKind.reducedInexactReason(f, Prior.GAUSS) == null
                ? List.of(SamplerKind.DIRECT, SamplerKind.REDUCED) : List.of(SamplerKind.DIRECT)) {
            BlockStats stats = new BlockStats();
            new GncSampler(problem, f, new GncSettings(Prior.GAUSS, normalize, 0.0, kind))
                    .run(Streams.stream(200L, m, mp, k, d, dataSet, kind.ordinal()), DRAWS, 0.0, stats);
            double mean = stats.genSum() / DRAWS;
            double variance = (stats.genSumSq() - stats.genSum() * mean) / (DRAWS - 1);
            double se = Math.sqrt(variance / DRAWS);
            assertTrue(Math.abs(mean - expected) < 4 * se,
                    kind + ": prior mean " + mean + " vs closed form " + expected + " (se " + se + ")");
        }
    }
}
