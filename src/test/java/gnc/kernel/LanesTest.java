package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two implementations of the lane algorithm, the Vector API's and plain loops (the kernel of a
 * JVM without the vector module), give the same bits: operation by operation on random and edge
 * inputs, and for whole G&C blocks (statistics and kept draws) of the direct and the reduced
 * sampler. This test JVM has the module (Surefire's argLine), so the lane kernel it runs
 * elsewhere is the vector one.
 */
class LanesTest {
    private static final int L = LaneOps.LANES;
    private static final LaneOps VECTOR = new VectorLanes();
    private static final LaneOps PLAIN = new ScalarLanes();

    @Test
    void thisJvmComputesLanesWithTheVectorApi() {
        assertTrue(Lanes.vectorized());
    }

    @Test
    void normalsAndStatesAreBitIdentical() {
        SplittableRandom rng = Streams.stream(700L, 1);
        for (int round = 0; round < 20; round++) {
            long[] a = new long[2 * L];
            Lanes.seed(rng, a);
            long[] b = a.clone();
            int pairs = 1 + rng.nextInt(200);
            double[] x = new double[2 * pairs * L];
            double[] y = new double[2 * pairs * L];
            VECTOR.normals(a, x, pairs);
            PLAIN.normals(b, y, pairs);
            assertArrayEquals(b, a);
            assertBits(y, x);
        }
    }

    /** One uniform, a few, and LaneOps.MAX_UNIFORMS. */
    @ParameterizedTest(name = "{0} uniforms")
    @CsvSource({"1", "2", "7", "16"})
    void uniformProductsTheirLogsAndStatesAreBitIdentical(int uniforms) {
        SplittableRandom rng = Streams.stream(700L, 3, uniforms);
        for (int round = 0; round < 5; round++) {
            long[] a = new long[2 * L];
            Lanes.seed(rng, a);
            long[] b = a.clone();
            double[] x = new double[3 * L];
            double[] y = new double[3 * L];
            VECTOR.uniformProducts(a, uniforms, x, 1);
            PLAIN.uniformProducts(b, uniforms, y, 1);
            VECTOR.uniformProducts(a, 1, x, 2);
            PLAIN.uniformProducts(b, 1, y, 2);
            assertArrayEquals(b, a);
            assertBits(y, x);
            VECTOR.minusTwoLogs(x, 1, 2);
            PLAIN.minusTwoLogs(y, 1, 2);
            assertBits(y, x);
        }
    }

    @Test
    void activationsAreBitIdenticalIncludingEdgeCases() {
        double[] edge = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300, 1e-9, -1e-9, 0.3, 0.55, -0.55,
            1.0, -2.5, 19.99, 20.0, 20.01, -40.0, 1e300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NaN};
        SplittableRandom rng = Streams.stream(700L, 2);
        int n = 64;
        double[] x = new double[n * L];
        for (int i = 0; i < x.length; i++) {
            x[i] = i < edge.length ? edge[i] : (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(8) - 4);
        }
        for (double scale : new double[] {1.0, 0.4472135954999579}) {
            double[] a = x.clone();
            double[] b = x.clone();
            VECTOR.tanh(a, n, scale);
            PLAIN.tanh(b, n, scale);
            assertBits(b, a);
            // The paper's slope, then 0 (0 times the infinities above), 1, above 1 and negative.
            for (double slope : new double[] {0.2, 0.0, 1.0, 1.5, -0.3}) {
                a = x.clone();
                b = x.clone();
                VECTOR.leaky(a, n, scale, slope);
                PLAIN.leaky(b, n, scale, slope);
                assertBits(b, a);
            }
            a = x.clone();
            b = x.clone();
            VECTOR.scale(a, n, scale);
            PLAIN.scale(b, n, scale);
            assertBits(b, a);
        }
    }

    @ParameterizedTest(name = "{0} x {1} times {1} x {2}")
    @CsvSource({"5, 5, 5", "5, 160, 5", "3, 4, 4", "6, 2, 7", "1, 1, 1", "4, 9, 10", "7, 3, 12", "12, 3, 10", "11, 5, 7"})
    void productsAndLossSumsAreBitIdentical(int rows, int inner, int cols) {
        SplittableRandom rng = Streams.stream(700L, rows, inner, cols);
        double[] a = gaussians(rng, (3 + rows * inner) * L);
        double[] b = gaussians(rng, inner * cols * L);
        double[] c1 = new double[rows * cols * L];
        double[] c2 = new double[rows * cols * L];
        VECTOR.multiply(a, 3, rows, inner, b, cols, c1);
        PLAIN.multiply(a, 3, rows, inner, b, cols, c2);
        assertBits(c2, c1);

        int dim = rows * cols;
        int count = 1 + rng.nextInt(16);
        double[] measurements = gaussians(rng, count * dim);
        double[] targets = gaussians(rng, count);
        double[] scale = gaussians(rng, L);
        double[] o1 = new double[L];
        double[] o2 = new double[L];
        VECTOR.squaredResiduals(measurements, targets, count, dim, c1, scale, o1);
        PLAIN.squaredResiduals(measurements, targets, count, dim, c1, scale, o2);
        assertBits(o2, o1);
        VECTOR.sumOfSquares(c1, dim, o1);
        PLAIN.sumOfSquares(c1, dim, o2);
        assertBits(o2, o1);
    }

    /**
     * The reduced sampler's per-lane linear algebra: Gram lower triangle, Cholesky factor, Z L^T,
     * on random layer outputs and on edge ones (fewer rows than columns: a singular Gram; a
     * repeated and a zero column: rank-deficient; subnormal and huge entries; a NaN lane).
     */
    @ParameterizedTest(name = "{0} rows, {1} columns")
    @CsvSource({"5, 5", "160, 5", "2, 5", "20, 3", "9, 7", "1, 1", "4, 6"})
    void gramCholeskyAndLowerProductsAreBitIdentical(int rows, int n) {
        SplittableRandom rng = Streams.stream(703L, rows, n);
        for (int round = 0; round < 6; round++) {
            double[] h = gaussians(rng, rows * n * L);
            for (int l = 0; l < L; l++) {
                edit(h, rows, n, l, (round * L + l) % 8, rng);
            }
            double[] g1 = new double[n * n * L];
            double[] g2 = new double[n * n * L];
            VECTOR.gramLower(h, rows, n, g1);
            PLAIN.gramLower(h, rows, n, g2);
            assertBits(g2, g1);
            double[] f1 = new double[n * n * L];
            double[] f2 = new double[n * n * L];
            VECTOR.cholesky(g1, n, f1);
            PLAIN.cholesky(g2, n, f2);
            assertBits(f2, f1);
            double[] z = gaussians(rng, rows * n * L);
            double[] o1 = new double[rows * n * L];
            double[] o2 = new double[rows * n * L];
            VECTOR.timesLowerTransposed(z, rows, n, f1, o1);
            PLAIN.timesLowerTransposed(z, rows, n, f2, o2);
            assertBits(o2, o1);
        }
    }

    /**
     * The Wishart sampler's product of two lower triangular factors: entries above the diagonals
     * (random here) are not read, the vector and plain kernels agree bit for bit, and the values
     * are the general product's of the inputs with zeros above their diagonals.
     */
    @ParameterizedTest(name = "n = {0}")
    @CsvSource({"1", "2", "5", "7", "12"})
    void lowerTimesLowerIsTheProductOfTheTriangles(int n) {
        SplittableRandom rng = Streams.stream(704L, n);
        double[] a = gaussians(rng, n * n * L);
        double[] b = gaussians(rng, n * n * L);
        a[0] = 0.0; // a lane whose chain (0, 0) is exactly zero
        double[] c1 = new double[n * n * L];
        double[] c2 = new double[n * n * L];
        VECTOR.lowerTimesLower(a, b, n, c1);
        PLAIN.lowerTimesLower(a, b, n, c2);
        assertBits(c2, c1);
        double[] lowerA = a.clone();
        double[] lowerB = b.clone();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Arrays.fill(lowerA, (i * n + j) * L, (i * n + j + 1) * L, 0.0);
                Arrays.fill(lowerB, (i * n + j) * L, (i * n + j + 1) * L, 0.0);
            }
        }
        double[] general = new double[n * n * L];
        VECTOR.multiply(lowerA, 0, n, n, lowerB, n, general);
        for (int e = 0; e < general.length; e++) {
            assertEquals(general[e], c1[e], 0.0, "entry " + e); // 0.0 and -0.0 count as equal
        }
    }

    /** A chi-square's root from its parts: no parts, one, several; with and without the odd normal. */
    @ParameterizedTest(name = "{0} parts, odd {1}")
    @CsvSource({"0, true", "1, false", "1, true", "2, false", "5, true", "16, false"})
    void rootOfSumIsTheSquareRootOfTheOrderedSum(int count, boolean odd) {
        SplittableRandom rng = Streams.stream(705L, count, odd ? 1 : 0);
        double[] x = new double[(2 + count) * L];
        for (int i = 0; i < x.length; i++) {
            x[i] = -2.0 * Math.log(rng.nextDouble());
        }
        double[] normals = gaussians(rng, 3 * L);
        int oddAt = odd ? 2 : -1;
        double[] o1 = new double[4 * L];
        double[] o2 = new double[4 * L];
        VECTOR.rootOfSum(x, 2, count, normals, oddAt, o1, 3);
        PLAIN.rootOfSum(x, 2, count, normals, oddAt, o2, 3);
        assertBits(o2, o1);
        for (int l = 0; l < L; l++) {
            double s = 0.0;
            for (int p = 2; p < 2 + count; p++) {
                s += x[p * L + l];
            }
            double y = normals[2 * L + l];
            double expected = Math.sqrt(odd ? Math.fma(y, y, s) : s);
            assertEquals(expected, o1[3 * L + l], 0.0, "lane " + l);
            assertEquals(0.0, o1[l], 0.0, "only slot 3 is written");
        }
    }

    /** A not positive definite g in some lanes: a negative, a zero, a NaN pivot. */
    @Test
    void choleskyZeroesTheColumnsOfNonPositivePivotsInEachLane() {
        int n = 3;
        double[] g = new double[n * n * L];
        double[][] lanes = {
            {4, 0, 0, 2, 5, 0, 1, 3, 6}, {-1, 0, 0, 2, 5, 0, 1, 3, 6}, {1, 0, 0, 1, 1, 0, 2, 2, 4},
            {0, 0, 0, 0, 1, 0, 0, 0, 1}, {Double.NaN, 0, 0, 1, 2, 0, 0, 1, 2}, {1, 0, 0, 0, -0.0, 0, 0, 0, 1},
            {1e-300, 0, 0, 1e-300, 1e-300, 0, 0, 0, 1e300}, {9, 0, 0, 3, 1, 0, 3, 1, 1},
        };
        for (int l = 0; l < L; l++) {
            for (int e = 0; e < n * n; e++) {
                g[e * L + l] = lanes[l][e];
            }
        }
        double[] f1 = new double[n * n * L];
        double[] f2 = new double[n * n * L];
        VECTOR.cholesky(g, n, f1);
        PLAIN.cholesky(g, n, f2);
        assertBits(f2, f1);
        // Lane 0 positive definite: the factor; lane 1 a negative first pivot: its column zero;
        // lane 2 rank one (rows (1, 1, 2)): columns 1 and 2 zero; lane 7 rank one too.
        assertEquals(2.0, f1[0]);
        assertEquals(1.0, f1[3 * L]);
        assertEquals(0.0, f1[1]);
        assertEquals(0.0, f1[3 * L + 1]);
        assertEquals(0.0, f1[6 * L + 1]);
        assertEquals(Math.sqrt(5.0), f1[4 * L + 1]);
        assertEquals(1.0, f1[2]);
        assertEquals(2.0, f1[6 * L + 2]);
        assertEquals(0.0, f1[4 * L + 2]);
        assertEquals(0.0, f1[8 * L + 2]);
        assertEquals(0.0, f1[4 * L + 7]);
        assertEquals(0.0, f1[8 * L + 7]);
    }

    /** Edge cases of lane l of h (rows x n), by case. */
    private static void edit(double[] h, int rows, int n, int l, int edgeCase, SplittableRandom rng) {
        for (int a = 0; a < rows; a++) {
            int r = a * n * L + l;
            switch (edgeCase) {
                case 1 -> h[r + (n - 1) * L] = h[r];                       // a repeated column
                case 2 -> h[r + (n / 2) * L] = 0.0;                         // a zero column
                case 3 -> h[r] *= 1e-160;                                   // subnormal squares
                case 4 -> h[r] *= 1e150;                                    // huge ones
                case 5 -> h[r + (n - 1) * L] = a == rows - 1 ? Double.NaN : h[r + (n - 1) * L];
                case 6 -> h[r] = rng.nextBoolean() ? 1.0 : -1.0;            // leaky-like and tanh-like saturation
                default -> { }
            }
        }
    }

    @ParameterizedTest(name = "{0} width {1} depth {2} normalize {3} {4}")
    @CsvSource({
        "linear, 5, 2, false, direct", "tanh, 5, 6, false, direct", "leaky_relu, 5, 10, true, direct",
        "tanh, 7, 3, true, direct", "leaky_relu, 40, 2, false, direct",
        "tanh, 5, 2, false, reduced", "leaky_relu, 20, 4, true, reduced", "tanh, 7, 3, false, reduced",
        "leaky_relu, 160, 2, false, reduced", "linear, 5, 10, false, reduced", "linear, 14, 3, true, reduced",
    })
    void wholeBlocksAreBitIdentical(String kind, int k, int d, boolean normalize, String sampler) {
        ProblemInstance problem = ProblemGenerator.generate(ProblemSettings.PAPER, Streams.stream(701L, k));
        Factorization f = new Factorization(5, 5, k, d, Activation.of(Activation.Kind.bySpecName(kind), 0.2));
        GncSettings settings = new GncSettings(Prior.GAUSS, normalize, GncSettings.DEFAULT_SOFTENING,
                SamplerKind.bySpecName(sampler));
        List<String> keptA = new ArrayList<>();
        List<String> keptB = new ArrayList<>();
        BlockStats a = new BlockStats();
        BlockStats b = new BlockStats();
        new GncSampler(problem, f, settings, VECTOR).run(Streams.stream(702L, k, d), 3001, 0.1, 0.3,
                (i, t, g, n) -> keptA.add(i + " " + t + " " + g + " " + n), a);
        new GncSampler(problem, f, settings, PLAIN).run(Streams.stream(702L, k, d), 3001, 0.1, 0.3,
                (i, t, g, n) -> keptB.add(i + " " + t + " " + g + " " + n), b);
        assertTrue(keptA.size() > 10, "the case keeps draws (" + keptA.size() + ")");
        assertEquals(keptB, keptA);
        assertEquals(b.accepted(), a.accepted());
        assertEquals(b.genSum(), a.genSum(), 0.0);
        assertEquals(b.genSumSq(), a.genSumSq(), 0.0);
        assertEquals(b.acceptedGenSum(), a.acceptedGenSum(), 0.0);
        assertEquals(b.trainMin(), a.trainMin(), 0.0);
    }

    private static double[] gaussians(SplittableRandom rng, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Ziggurat.next(rng);
        }
        return x;
    }

    private static void assertBits(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            int at = i;
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    () -> "entry " + at + ": " + expected[at] + " vs " + actual[at]);
        }
    }
}
