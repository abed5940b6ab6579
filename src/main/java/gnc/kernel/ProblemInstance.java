package gnc.kernel;

import java.io.Serializable;

/**
 * One learning problem of docs/science.md §1: the ground truth W* (m x m'), n training measurements A_i
 * with labels y_i = <A_i, W*>, and an orthonormal basis B of the orthogonal complement of
 * span{A_i}, the test set. Matrices are row-major; measurements and test basis hold one vec'd
 * matrix per row (n x D and (D - n) x D, D = m m').
 */
public final class ProblemInstance implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int rows;
    private final int cols;
    private final double[] groundTruth;
    private final double[] measurements;
    private final double[] labels;
    private final double[] testBasis;
    private final double[] testTargets;

    public ProblemInstance(int rows, int cols, double[] groundTruth, double[] measurements, double[] testBasis) {
        int dim = rows * cols;
        if (groundTruth.length != dim) {
            throw new IllegalArgumentException("ground truth must have " + dim + " entries, got " + groundTruth.length);
        }
        if (measurements.length == 0 || measurements.length % dim != 0) {
            throw new IllegalArgumentException("measurements must hold n >= 1 matrices of " + dim + " entries");
        }
        int n = measurements.length / dim;
        if (testBasis.length != (dim - n) * dim || n >= dim) {
            throw new IllegalArgumentException("test basis must hold D - n = " + (dim - n) + " matrices of "
                    + dim + " entries (D = m m' = " + dim + ", n = " + n + ")");
        }
        this.rows = rows;
        this.cols = cols;
        this.groundTruth = groundTruth.clone();
        this.measurements = measurements.clone();
        this.testBasis = testBasis.clone();
        this.labels = innerProducts(this.measurements, this.groundTruth);
        this.testTargets = innerProducts(this.testBasis, this.groundTruth);
    }

    private static double[] innerProducts(double[] stacked, double[] w) {
        int dim = w.length;
        double[] out = new double[stacked.length / dim];
        RowMajorOps.mult(stacked, 0, out.length, dim, w, 1, out);
        return out;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** D = m m', the dimension of the space of targets. */
    public int dimension() {
        return rows * cols;
    }

    /** n, the number of training measurements. */
    public int measurementCount() {
        return labels.length;
    }

    /** |B| = D - n, the size of the test set. */
    public int testCount() {
        return testTargets.length;
    }

    public double[] groundTruth() {
        return groundTruth.clone();
    }

    /** The A_i, one vec'd matrix per row (n x D). */
    public double[] measurements() {
        return measurements.clone();
    }

    /** y_i = <A_i, W*>. */
    public double[] labels() {
        return labels.clone();
    }

    /** The test basis, one vec'd matrix per row ((D - n) x D). */
    public double[] testBasis() {
        return testBasis.clone();
    }

    /** <B_j, W*> for every basis matrix B_j. */
    public double[] testTargets() {
        return testTargets.clone();
    }

    /** L_train(W) = (1/n) sum_i (<A_i, W> - y_i)^2, straight from the definition. */
    public double trainLoss(double[] w) {
        return meanSquaredResidual(measurements, labels, w);
    }

    /** L_gen(W) = (1/|B|) sum_B (<B, W> - <B, W*>)^2, straight from the definition. */
    public double genLoss(double[] w) {
        return meanSquaredResidual(testBasis, testTargets, w);
    }

    private static double meanSquaredResidual(double[] stacked, double[] targets, double[] w) {
        double[] p = innerProducts(stacked, w);
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double e = p[i] - targets[i];
            s += e * e;
        }
        return s / p.length;
    }
}
