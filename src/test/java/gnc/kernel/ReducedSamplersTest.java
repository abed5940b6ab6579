package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reduced samplers' arithmetic and documented draw order, against EJML fed the same random
 * numbers from a twin stream, and which sampler each choice resolves to. (That they draw the
 * right law is {@link SamplerEquivalenceTest}; their dense operations are {@link RowMajorOpsTest}'s.)
 */
class ReducedSamplersTest {

    private static DMatrixRMaj gaussians(SplittableRandom rng, int rows, int cols, double scale) {
        DMatrixRMaj z = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows * cols; i++) {
            z.data[i] = scale * Ziggurat.next(rng);
        }
        return z;
    }

    private static void assertClose(DMatrixRMaj expected, double[] actual, double tolerance) {
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expected.data[i], actual[i], tolerance * (1 + Math.abs(expected.data[i])), "entry " + i);
        }
    }

    @ParameterizedTest
    @CsvSource({"5, 5, 5, 2", "5, 5, 7, 4", "3, 4, 4, 3", "4, 3, 9, 2", "2, 6, 6, 5"})
    void wishartSamplerMultipliesBartlettFactorsInItsDocumentedOrder(int m, int mp, int k, int d) {
        Factorization f = new Factorization(m, mp, k, d, Activation.linear());
        WishartSampler sampler = new WishartSampler(f);
        SplittableRandom rng = Streams.stream(600L, k, d);
        SplittableRandom twin = Streams.stream(600L, k, d);
        double[] w = new double[m * mp];
        for (int draw = 0; draw < 3; draw++) {
            sampler.sample(rng, w);
            DMatrixRMaj l = CommonOps_DDRM.identity(mp);
            for (int j = 1; j < d; j++) {
                DMatrixRMaj b = new DMatrixRMaj(mp, mp);
                for (int i = 1; i < mp; i++) {
                    for (int c = 0; c < i; c++) {
                        b.set(i, c, Ziggurat.next(twin) / Math.sqrt(k));
                    }
                }
                for (int i = 0; i < mp; i++) {
                    b.set(i, i, Math.sqrt(new ChiSquare(k - i).draw(twin) / k));
                }
                DMatrixRMaj next = new DMatrixRMaj(mp, mp);
                CommonOps_DDRM.mult(l, b, next);
                l = next;
            }
            DMatrixRMaj z = gaussians(twin, m, mp, 1 / Math.sqrt(m));
            DMatrixRMaj expected = new DMatrixRMaj(m, mp);
            CommonOps_DDRM.multTransB(z, l, expected);
            assertClose(expected, w, 1e-12);
        }
        assertEquals(twin.nextLong(), rng.nextLong(), "both streams are at the same place");
    }

    @ParameterizedTest
    @CsvSource({"tanh, 5, 5, 5, 2", "tanh, 5, 5, 12, 4", "leaky_relu, 3, 4, 4, 3", "leaky_relu, 4, 3, 7, 2",
        "tanh, 2, 6, 6, 5"})
    void gramSamplerDrawsEachLayerFromItsGramMatrixInItsDocumentedOrder(String kind, int m, int mp, int k, int d) {
        Activation act = Activation.of(Activation.Kind.bySpecName(kind), 0.2);
        Factorization f = new Factorization(m, mp, k, d, act);
        GramSampler sampler = new GramSampler(f);
        SplittableRandom rng = Streams.stream(601L, k, d);
        SplittableRandom twin = Streams.stream(601L, k, d);
        double[] w = new double[m * mp];
        for (int draw = 0; draw < 3; draw++) {
            sampler.sample(rng, w);
            DMatrixRMaj h = gaussians(twin, k, mp, 1 / Math.sqrt(k));
            act.applyInPlace(h.data, h.data.length);
            for (int j = 2; j <= d; j++) {
                DMatrixRMaj g = new DMatrixRMaj(mp, mp);
                CommonOps_DDRM.multTransA(h, h, g);
                CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(mp, true);
                assertTrue(chol.decompose(g));
                DMatrixRMaj l = chol.getT(null);
                int rows = j == d ? m : k;
                DMatrixRMaj z = gaussians(twin, rows, mp, 1 / Math.sqrt(rows));
                DMatrixRMaj p = new DMatrixRMaj(rows, mp);
                CommonOps_DDRM.multTransB(z, l, p);
                if (j < d) {
                    act.applyInPlace(p.data, p.data.length);
                }
                h = p;
            }
            assertClose(h, w, 1e-10);
        }
        assertEquals(twin.nextLong(), rng.nextLong(), "both streams are at the same place");
    }

    @Test
    void eachChoiceResolvesToTheDocumentedSampler() {
        Factorization linear5 = new Factorization(5, 5, 5, 2, Activation.linear());
        Factorization linear15 = new Factorization(5, 5, 15, 2, Activation.linear());
        Factorization linear4 = new Factorization(5, 5, 4, 3, Activation.linear());
        Factorization tanh7 = new Factorization(5, 5, 7, 2, Activation.tanh());
        Factorization tanh9 = new Factorization(5, 5, 9, 6, Activation.tanh());
        Factorization tanh10 = new Factorization(5, 5, 10, 2, Activation.tanh());
        Factorization leaky160 = new Factorization(5, 5, 160, 2, Activation.leakyRelu(0.2));
        Factorization leaky161 = new Factorization(5, 5, 161, 2, Activation.leakyRelu(0.2));
        assertEquals(SamplerKind.AUTO, new GncSettings(Prior.GAUSS, false, 0.0).sampler(), "the default choice");
        assertInstanceOf(PriorSampler.class, SamplerKind.AUTO.create(linear5, Prior.GAUSS), "lanes are faster");
        assertInstanceOf(WishartSampler.class, SamplerKind.AUTO.create(linear15, Prior.GAUSS));
        assertInstanceOf(PriorSampler.class, SamplerKind.AUTO.create(linear4, Prior.GAUSS), "width below m'");
        assertInstanceOf(PriorSampler.class, SamplerKind.AUTO.create(linear15, Prior.UNIF), "uniform prior");
        assertInstanceOf(PriorSampler.class, SamplerKind.AUTO.create(tanh7, Prior.GAUSS), "exact but slower");
        assertInstanceOf(GramSampler.class, SamplerKind.REDUCED.create(tanh7, Prior.GAUSS), "exact when asked");
        assertInstanceOf(PriorSampler.class, SamplerKind.AUTO.create(tanh9, Prior.GAUSS), "below 2 m'");
        assertInstanceOf(GramSampler.class, SamplerKind.AUTO.create(tanh10, Prior.GAUSS), "from 2 m' on");
        assertInstanceOf(GramSampler.class, SamplerKind.AUTO.create(leaky160, Prior.GAUSS), "reduced in lanes is faster");
        assertInstanceOf(GramSampler.class, SamplerKind.AUTO.create(leaky161, Prior.GAUSS), "beyond the lanes' widths");
        assertInstanceOf(PriorSampler.class, SamplerKind.DIRECT.create(leaky161, Prior.GAUSS));
        IllegalArgumentException narrow = assertThrows(IllegalArgumentException.class,
                () -> SamplerKind.REDUCED.create(linear4, Prior.GAUSS));
        assertEquals("the reduced sampler is not exact here: it needs width >= cols (5), got width 4",
                narrow.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SamplerKind.REDUCED.resolve(tanh10, Prior.UNIF));
        assertThrows(IllegalArgumentException.class, () -> new WishartSampler(tanh10));
    }
}
