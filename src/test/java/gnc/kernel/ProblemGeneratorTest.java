package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProblemGeneratorTest {
    private static final double TOL = 1e-12;

    private static DMatrixRMaj stacked(double[] rows, int dim) {
        return new DMatrixRMaj(rows.length / dim, dim, true, rows);
    }

    @ParameterizedTest
    @CsvSource({"5, 5, 1, 15, 0", "5, 5, 2, 22, 1", "3, 4, 2, 5, 2", "6, 2, 1, 11, 3", "1, 7, 1, 3, 4"})
    void sensingTestBasisIsOrthonormalAndOrthogonalToEveryMeasurement(int m, int mp, int r, int n, int seed) {
        ProblemSettings s = new ProblemSettings(m, mp, r, 1.0, n, false);
        ProblemInstance p = ProblemGenerator.generate(s, Streams.stream(42L, seed));
        int dim = m * mp;
        DMatrixRMaj a = stacked(p.measurements(), dim);
        DMatrixRMaj b = stacked(p.testBasis(), dim);
        assertEquals(n, a.numRows);
        assertEquals(dim - n, b.numRows);

        DMatrixRMaj bbt = new DMatrixRMaj(dim - n, dim - n);
        CommonOps_DDRM.multTransB(b, b, bbt);
        DMatrixRMaj identity = CommonOps_DDRM.identity(dim - n);
        for (int i = 0; i < dim - n; i++) {
            for (int j = 0; j < dim - n; j++) {
                assertEquals(identity.get(i, j), bbt.get(i, j), TOL, "B B^T at " + i + "," + j);
            }
        }
        DMatrixRMaj abt = new DMatrixRMaj(n, dim - n);
        CommonOps_DDRM.multTransB(a, b, abt);
        for (double v : abt.data) {
            assertEquals(0.0, v, TOL, "every A_i is orthogonal to every B_j");
        }
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int j = 0; j < dim; j++) {
                norm += a.get(i, j) * a.get(i, j);
            }
            assertEquals(1.0, norm, TOL, "A_" + i + " has unit Frobenius norm");
        }
    }

    @ParameterizedTest
    @CsvSource({"5, 5, 1", "5, 5, 2", "4, 6, 3", "3, 3, 3"})
    void groundTruthHasTheRequestedRankAndNorm(int m, int mp, int r) {
        ProblemSettings s = new ProblemSettings(m, mp, r, 2.5, 1, false);
        double[] w = ProblemGenerator.generate(s, Streams.stream(7L, r)).groundTruth();
        double norm = 0;
        for (double v : w) {
            norm += v * v;
        }
        assertEquals(2.5, Math.sqrt(norm), TOL);
        DMatrixRMaj mat = new DMatrixRMaj(m, mp, true, w);
        double[] sv = SingularOps_DDRM.singularValues(mat);
        int rank = 0;
        for (double x : sv) {
            rank += x > 1e-10 ? 1 : 0;
        }
        assertEquals(r, rank);
    }

    @ParameterizedTest
    @CsvSource({"5, 5, 15", "5, 5, 24", "3, 4, 1", "2, 2, 3"})
    void completionTestSetIsExactlyTheComplementaryOneHots(int m, int mp, int n) {
        ProblemSettings s = new ProblemSettings(m, mp, 1, 1.0, n, true);
        ProblemInstance p = ProblemGenerator.generate(s, Streams.stream(9L, n));
        int dim = m * mp;
        Set<Integer> observed = oneHotPositions(p.measurements(), dim);
        Set<Integer> test = oneHotPositions(p.testBasis(), dim);
        assertEquals(n, observed.size(), "measurements are n distinct one-hots");
        assertEquals(dim - n, test.size(), "test matrices are distinct one-hots");
        Set<Integer> all = new HashSet<>(observed);
        all.addAll(test);
        assertEquals(dim, all.size(), "together they are every one-hot exactly once");
    }

    /** The positions of one-hot rows; fails unless every row is a one-hot. */
    private static Set<Integer> oneHotPositions(double[] rows, int dim) {
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < rows.length / dim; i++) {
            int hot = -1;
            for (int j = 0; j < dim; j++) {
                double v = rows[i * dim + j];
                assertTrue(v == 0.0 || v == 1.0, "one-hot entries are 0 or 1");
                if (v == 1.0) {
                    assertEquals(-1, hot, "row " + i + " has a single 1");
                    hot = j;
                }
            }
            assertTrue(hot >= 0, "row " + i + " has a 1");
            out.add(hot);
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"false", "true"})
    void theSameStreamGivesTheSameInstanceAndAnotherStreamAnother(boolean completion) {
        ProblemSettings s = new ProblemSettings(5, 5, 1, 1.0, 15, completion);
        ProblemInstance a = ProblemGenerator.generate(s, Streams.stream(3L, 1));
        ProblemInstance b = ProblemGenerator.generate(s, Streams.stream(3L, 1));
        ProblemInstance c = ProblemGenerator.generate(s, Streams.stream(3L, 2));
        assertArrayEquals(a.groundTruth(), b.groundTruth());
        assertArrayEquals(a.measurements(), b.measurements());
        assertArrayEquals(a.testBasis(), b.testBasis());
        assertFalse(java.util.Arrays.equals(a.groundTruth(), c.groundTruth()));
    }

    @org.junit.jupiter.api.Test
    void linearlyDependentMeasurementsAreRejected() {
        double[] a = {1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProblemGenerator.orthogonalComplement(a, 3, 4));
        assertTrue(e.getMessage().contains("measurement 2"), e.getMessage());
    }
}
