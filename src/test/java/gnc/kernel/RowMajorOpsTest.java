package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dense operations: every fixed-size one of {@link RowMajorOps5} against its general one of
 * {@link RowMajorOps}, bit for bit on random inputs (and {@link RowMajorOps5#multInnerLower},
 * which has an order of its own, against a plain loop in that order); and the general ones
 * against EJML.
 */
class RowMajorOpsTest {
    private static final int TRIALS = 200;

    /**
     * Each fixed-size operation with a case that runs it and its general counterpart on the same
     * random inputs (given the stream), each writing into its own copy of the same random output
     * (so that an entry one writes and the other does not also shows).
     */
    private static final Map<String, BiConsumer<SplittableRandom, double[][]>> PAIRS = Map.of(
            "mult", (rng, out) -> {
                int rows = 1 + rng.nextInt(12);
                int inner = 1 + rng.nextInt(12);
                int offset = rng.nextInt(4);
                double[] a = gaussians(rng, offset + rows * inner);
                double[] b = gaussians(rng, inner * 5);
                out[0] = gaussians(rng, rows * 5);
                out[1] = out[0].clone();
                RowMajorOps.mult(a, offset, rows, inner, b, 5, out[0]);
                RowMajorOps5.mult(a, offset, rows, inner, b, out[1]);
            },
            "multLower", (rng, out) -> {
                double[] l = gaussians(rng, 25);
                double[] b = gaussians(rng, 25);
                out[0] = gaussians(rng, 25);
                out[1] = out[0].clone();
                RowMajorOps.multLower(l, b, out[0], 5);
                RowMajorOps5.multLower(l, b, out[1]);
            },
            "multTransBLowerInPlace", (rng, out) -> {
                int rows = 1 + rng.nextInt(12);
                double[] l = gaussians(rng, 25);
                out[0] = gaussians(rng, rows * 5);
                out[1] = out[0].clone();
                RowMajorOps.multTransBLowerInPlace(out[0], rows, 5, l);
                RowMajorOps5.multTransBLowerInPlace(out[1], rows, l);
            });

    /**
     * Fixed-size operations that sum in an order of their own, each with a case that runs it and
     * a plain loop in its documented order.
     */
    private static final Map<String, BiConsumer<SplittableRandom, double[][]>> OWN_ORDER = Map.of(
            "multInnerLower", (rng, out) -> {
                int rows = 1 + rng.nextInt(12);
                double[] h = gaussians(rng, rows * 5);
                out[0] = gaussians(rng, 25);
                out[1] = out[0].clone();
                for (int i = 0; i < 5; i++) {
                    for (int j = 0; j <= i; j++) {
                        double s = 0.0;
                        for (int a = 0; a < rows; a++) {
                            s += h[a * 5 + i] * h[a * 5 + j];
                        }
                        out[0][i * 5 + j] = s;
                    }
                }
                RowMajorOps5.multInnerLower(h, rows, out[1]);
            });

    static List<String> fixedSizeOps() {
        return RowMajorOpsTest.PAIRS.keySet().stream().sorted().toList();
    }

    static List<String> ownOrderOps() {
        return RowMajorOpsTest.OWN_ORDER.keySet().stream().sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("fixedSizeOps")
    void theFixedSizeOpEqualsTheGeneralOneBitForBit(String op) {
        assertBitEqual(op, PAIRS.get(op));
    }

    @ParameterizedTest
    @MethodSource("ownOrderOps")
    void theFixedSizeOpSumsInItsDocumentedOrder(String op) {
        assertBitEqual(op, OWN_ORDER.get(op));
    }

    @Test
    void everyFixedSizeOpIsChecked() {
        TreeSet<String> declared = Arrays.stream(RowMajorOps5.class.getDeclaredMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()) && !m.isSynthetic())
                .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
        TreeSet<String> checked = new TreeSet<>(PAIRS.keySet());
        checked.addAll(OWN_ORDER.keySet());
        assertEquals(4, declared.size(), "RowMajorOps5's operations: " + declared);
        assertEquals(3, PAIRS.size(), "pairs checked bit for bit");
        assertEquals(declared, checked, "each fixed-size operation needs a case here");
        for (String op : PAIRS.keySet()) {
            assertTrue(Arrays.stream(RowMajorOps.class.getDeclaredMethods()).anyMatch(m -> m.getName().equals(op)),
                    op + " has a general counterpart of the same name");
        }
    }

    private static void assertBitEqual(String op, BiConsumer<SplittableRandom, double[][]> pair) {
        SplittableRandom rng = new SplittableRandom(op.hashCode());
        for (int trial = 0; trial < TRIALS; trial++) {
            double[][] out = new double[2][];
            pair.accept(rng, out);
            // Arrays.equals compares doubles by their bits (Double.doubleToLongBits).
            int t = trial;
            assertTrue(Arrays.equals(out[0], out[1]), () -> op + ", trial " + t + ": " + Arrays.toString(out[0])
                    + " != " + Arrays.toString(out[1]));
        }
    }

    private static double[] gaussians(SplittableRandom rng, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextGaussian();
        }
        return x;
    }

    private static DMatrixRMaj matrix(SplittableRandom rng, int rows, int cols) {
        return new DMatrixRMaj(rows, cols, true, gaussians(rng, rows * cols));
    }

    private static DMatrixRMaj lowerPart(DMatrixRMaj m) {
        DMatrixRMaj l = m.copy();
        for (int i = 0; i < l.numRows; i++) {
            for (int j = i + 1; j < l.numCols; j++) {
                l.set(i, j, 0.0);
            }
        }
        return l;
    }

    private static void assertClose(DMatrixRMaj expected, double[] actual, int from, String what) {
        for (int i = 0; i < expected.data.length; i++) {
            double e = expected.data[i];
            assertEquals(e, actual[from + i], 1e-12 * (1 + Math.abs(e)), what + ", entry " + i);
        }
    }

    /** Sums of at most a few dozen O(1) terms: EJML's order differs by a few ulps at most, far below 1e-12. */
    @Test
    void theGeneralProductsMatchEjml() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int[] s : new int[][] {{1, 1, 1}, {3, 4, 2}, {5, 7, 5}, {6, 2, 9}, {9, 9, 3}}) {
            int rows = s[0];
            int inner = s[1];
            int cols = s[2];
            int offset = 3;
            DMatrixRMaj a = matrix(rng, rows, inner);
            DMatrixRMaj b = matrix(rng, inner, cols);
            double[] shifted = new double[offset + a.data.length];
            System.arraycopy(a.data, 0, shifted, offset, a.data.length);
            DMatrixRMaj expected = new DMatrixRMaj(rows, cols);
            double[] c = new double[rows * cols];

            CommonOps_DDRM.mult(a, b, expected);
            RowMajorOps.mult(shifted, offset, rows, inner, b.data, cols, c);
            assertClose(expected, c, 0, "mult");

            DMatrixRMaj t = matrix(rng, rows, cols);
            DMatrixRMaj transA = new DMatrixRMaj(inner, cols);
            CommonOps_DDRM.multTransA(a, t, transA);
            double[] ta = new double[inner * cols];
            RowMajorOps.multTransA(shifted, offset, rows, inner, t.data, cols, ta);
            assertClose(transA, ta, 0, "multTransA");

            DMatrixRMaj e = matrix(rng, cols, inner);
            DMatrixRMaj transB = new DMatrixRMaj(rows, cols);
            CommonOps_DDRM.multTransB(a, e, transB);
            double[] tb = new double[offset + rows * cols];
            RowMajorOps.multTransB(a.data, rows, e.data, cols, inner, tb, offset);
            assertClose(transB, tb, offset, "multTransB");

            assertEquals(NormOps_DDRM.normF(a), RowMajorOps.normF(a.data), 1e-14 * NormOps_DDRM.normF(a), "normF");
        }
    }

    @Test
    void theGeneralTriangularProductsMatchEjml() {
        SplittableRandom rng = new SplittableRandom(8);
        for (int n = 1; n <= 7; n++) {
            DMatrixRMaj l = lowerPart(matrix(rng, n, n));
            DMatrixRMaj b = lowerPart(matrix(rng, n, n));
            DMatrixRMaj lb = new DMatrixRMaj(n, n);
            CommonOps_DDRM.mult(l, b, lb);
            double[] c = new double[n * n];
            RowMajorOps.multLower(l.data, b.data, c, n);
            assertClose(lb, c, 0, "multLower");

            int rows = n + 2;
            DMatrixRMaj z = matrix(rng, rows, n);
            DMatrixRMaj zlt = new DMatrixRMaj(rows, n);
            CommonOps_DDRM.multTransB(z, l, zlt);
            double[] inPlace = z.data.clone();
            RowMajorOps.multTransBLowerInPlace(inPlace, rows, n, l.data);
            assertClose(zlt, inPlace, 0, "multTransBLowerInPlace");
        }
    }

    @Test
    void gramAndCholeskyMatchEjmlAndHandleSemiDefiniteMatrices() {
        SplittableRandom rng = new SplittableRandom(9);
        for (int n = 1; n <= 7; n++) {
            for (int count : new int[] {n, n + 1, 2 * n + 3}) {
                DMatrixRMaj h = matrix(rng, count, n);
                DMatrixRMaj g = new DMatrixRMaj(n, n);
                CommonOps_DDRM.multTransA(h, h, g);
                double[] lower = new double[n * n];
                if (n == 5) {
                    RowMajorOps5.multInnerLower(h.data, count, lower);
                } else {
                    RowMajorOps.multInnerLower(h.data, count, n, lower);
                }
                double[] l = new double[n * n];
                RowMajorOps.cholesky(lower, n, l);
                DMatrixRMaj lm = new DMatrixRMaj(n, n, true, l);
                DMatrixRMaj back = new DMatrixRMaj(n, n);
                CommonOps_DDRM.multTransB(lm, lm, back);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        if (j <= i) {
                            assertEquals(g.get(i, j), lower[i * n + j], 1e-12 * (1 + Math.abs(g.get(i, j))));
                        } else {
                            assertEquals(0.0, l[i * n + j], "upper triangle stays zero");
                        }
                        assertEquals(g.get(i, j), back.get(i, j), 1e-11 * (1 + Math.abs(g.get(i, j))));
                    }
                }
            }
        }
        // Rank one, exactly: [[4, 2], [2, 1]] = v v^T with v = (2, 1); the second pivot is 0.
        double[] l = new double[4];
        RowMajorOps.cholesky(new double[] {4, 0, 2, 1}, 2, l);
        assertArrayEquals(new double[] {2, 0, 1, 0}, l, 0.0);
    }
}
