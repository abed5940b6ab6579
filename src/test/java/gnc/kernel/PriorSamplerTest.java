package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast sampler against references fed the same random numbers: weights are replayed from a
 * twin stream in the documented order (W_1, ..., W_d, row-major, scaled 1/sqrt(k) and
 * 1/sqrt(m) for the last layer).
 */
class PriorSamplerTest {

    /** The weights the sampler draws from rng, in its documented order and scaling. */
    static double[][] replayWeights(Factorization f, Prior prior, SplittableRandom rng) {
        double[][] w = new double[f.depth()][];
        for (int j = 1; j <= f.depth(); j++) {
            double scale = 1.0 / Math.sqrt(j == f.depth() ? f.rows() : f.width());
            w[j - 1] = new double[f.layerRows(j) * f.layerCols(j)];
            for (int i = 0; i < w[j - 1].length; i++) {
                w[j - 1][i] = scale * prior.draw(rng);
            }
        }
        return w;
    }

    @ParameterizedTest
    @CsvSource({"5, 5, 5, 2", "5, 5, 1, 2", "5, 5, 7, 3", "3, 4, 4, 5", "4, 2, 9, 4", "5, 5, 20, 10"})
    void linearProductMatchesEjml(int m, int mp, int k, int d) {
        Factorization f = new Factorization(m, mp, k, d, Activation.linear());
        for (Prior prior : Prior.values()) {
            PriorSampler sampler = new PriorSampler(f, prior);
            SplittableRandom rng = Streams.stream(5L, k, d);
            SplittableRandom twin = Streams.stream(5L, k, d);
            double[] w = new double[m * mp];
            for (int draw = 0; draw < 3; draw++) {
                sampler.sample(rng, w);
                double[][] weights = replayWeights(f, prior, twin);
                DMatrixRMaj product = new DMatrixRMaj(k, mp, true, weights[0]);
                for (int j = 2; j <= d; j++) {
                    DMatrixRMaj layer = new DMatrixRMaj(f.layerRows(j), k, true, weights[j - 1]);
                    DMatrixRMaj next = new DMatrixRMaj(f.layerRows(j), mp);
                    CommonOps_DDRM.mult(layer, product, next);
                    product = next;
                }
                for (int i = 0; i < w.length; i++) {
                    assertEquals(product.data[i], w[i], 1e-12 * (1 + Math.abs(product.data[i])));
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"tanh, 5, 2", "tanh, 6, 4", "leaky_relu, 5, 2", "leaky_relu, 3, 5", "linear, 4, 3"})
    void nonLinearProductMatchesTheReferenceForwardPass(String kind, int k, int d) {
        Activation act = Activation.of(Activation.Kind.bySpecName(kind), 0.2);
        Factorization f = new Factorization(5, 5, k, d, act);
        PriorSampler sampler = new PriorSampler(f, Prior.GAUSS);
        SplittableRandom rng = Streams.stream(6L, k, d);
        SplittableRandom twin = Streams.stream(6L, k, d);
        double[] w = new double[25];
        for (int draw = 0; draw < 3; draw++) {
            sampler.sample(rng, w);
            // Same summation order as the sampler, so the results agree to the last bit.
            assertArrayEquals(f.product(replayWeights(f, Prior.GAUSS, twin)), w, 0.0);
        }
    }

    @ParameterizedTest
    @CsvSource({"tanh", "leaky_relu"})
    void referenceForwardPassAppliesTheActivationBetweenLayers(String kind) {
        // Depth 3, width 1, m = m' = 1: W = w3 * sigma(w2 * sigma(w1)).
        Activation act = Activation.of(Activation.Kind.bySpecName(kind), 0.2);
        Factorization f = new Factorization(1, 1, 1, 3, act);
        double[][] weights = {{-0.5}, {2.0}, {3.0}};
        double expected = 3.0 * act.apply(2.0 * act.apply(-0.5));
        assertEquals(expected, f.product(weights)[0], 1e-15);
        double byHand = kind.equals("tanh") ? 3.0 * Math.tanh(2.0 * Math.tanh(-0.5)) : 3.0 * (0.2 * (2.0 * (0.2 * -0.5)));
        assertEquals(byHand, expected, 1e-15);
    }
}
