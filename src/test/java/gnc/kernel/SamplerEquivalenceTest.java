package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reduced samplers against the direct one: the same law of W, checked by two-sample tests on
 * independent draws across shapes, widths, depths and activations.
 *
 * <p>Per case: Kolmogorov-Smirnov tests on L_train, L_gen, ||W||_F^2, the entry W_00 and the
 * row product <W_0., W_1.> (which sees how rows of W share their covariance), each at false-
 * rejection probability 1e-5; and z-tests (|z| < 5, two-sided probability 5.7e-7 each) on the
 * mean of every entry of W and of its square. A correct pair of samplers fails a case with
 * probability below 5 * 1e-5 + 2 * 25 * 5.7e-7 < 1e-4, and the 16 cases together with probability
 * below 1.6e-3. The streams are fixed, so the outcome is reproducible. With 40000 draws each,
 * a KS test detects a shift of about 0.017 in a CDF.
 */
class SamplerEquivalenceTest {
    private static final int DRAWS = 40_000;
    private static final double KS_ALPHA = 1e-5;
    private static final double Z = 5.0;

    @ParameterizedTest(name = "{0} {1}x{2} width {3} depth {4}")
    @CsvSource({
        "linear, 5, 5, 5, 2", "linear, 5, 5, 7, 3", "linear, 5, 5, 40, 2", "linear, 5, 5, 5, 6",
        "linear, 3, 4, 4, 4", "linear, 4, 3, 9, 2",
        "tanh, 5, 5, 5, 2", "tanh, 5, 5, 9, 3", "tanh, 5, 5, 40, 2", "tanh, 5, 5, 6, 5", "tanh, 3, 4, 4, 3",
        "leaky_relu, 5, 5, 5, 2", "leaky_relu, 5, 5, 6, 4", "leaky_relu, 5, 5, 30, 2", "leaky_relu, 4, 3, 3, 3",
        "leaky_relu, 5, 5, 12, 7",
    })
    void reducedAndDirectDrawTheSameLaw(String kind, int m, int mp, int k, int d) {
        Factorization f = new Factorization(m, mp, k, d, Activation.of(Activation.Kind.bySpecName(kind), 0.2));
        int n = Math.max(1, m * mp * 3 / 5);
        ProblemInstance problem = ProblemGenerator.generate(new ProblemSettings(m, mp, 1, 1.0, n, false),
                Streams.stream(300L, m, mp));
        ProductSampler reduced = SamplerKind.REDUCED.create(f, Prior.GAUSS);
        ProductSampler direct = SamplerKind.DIRECT.create(f, Prior.GAUSS);
        Class<? extends ProductSampler> reducedClass = f.activation().isLinear() ? WishartSampler.class : GramSampler.class;
        assertInstanceOf(reducedClass, reduced);
        assertInstanceOf(PriorSampler.class, direct);
        Sample a = Sample.of(reduced, problem, Streams.stream(301L, k, d));
        Sample b = Sample.of(direct, problem, Streams.stream(302L, k, d));

        double critical = TwoSample.ksCritical(DRAWS, DRAWS, KS_ALPHA);
        String[] names = {"L_train", "L_gen", "||W||^2", "W_00", "<W_0., W_1.>"};
        for (int s = 0; s < names.length; s++) {
            double ks = TwoSample.ksStatistic(a.statistics[s], b.statistics[s]);
            assertTrue(ks < critical, names[s] + ": KS statistic " + ks + " >= " + critical);
        }
        for (int e = 0; e < m * mp; e++) {
            double z = TwoSample.meanZ(a.entries[e], b.entries[e]);
            assertTrue(z < Z, "mean of entry " + e + ": z = " + z);
            double zz = TwoSample.meanZ(squares(a.entries[e]), squares(b.entries[e]));
            assertTrue(zz < Z, "mean square of entry " + e + ": z = " + zz);
        }
    }

    private static double[] squares(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * x[i];
        }
        return out;
    }

    /** DRAWS draws of one sampler: per-draw statistics and every entry of W. */
    private record Sample(double[][] statistics, double[][] entries) {
        static Sample of(ProductSampler sampler, ProblemInstance problem, SplittableRandom rng) {
            int dim = problem.dimension();
            int cols = problem.cols();
            double[][] stats = new double[5][DRAWS];
            double[][] entries = new double[dim][DRAWS];
            LossEvaluator losses = new LossEvaluator(problem);
            double[] w = new double[dim];
            for (int i = 0; i < DRAWS; i++) {
                sampler.sample(rng, w);
                losses.evaluate(w, 1.0, Double.POSITIVE_INFINITY);
                double norm = 0;
                double rows = 0;
                for (int e = 0; e < dim; e++) {
                    norm += w[e] * w[e];
                    entries[e][i] = w[e];
                }
                for (int c = 0; c < cols && problem.rows() > 1; c++) {
                    rows += w[c] * w[cols + c];
                }
                stats[0][i] = losses.train();
                stats[1][i] = losses.gen();
                stats[2][i] = norm;
                stats[3][i] = w[0];
                stats[4][i] = rows;
            }
            return new Sample(stats, entries);
        }
    }
}
