package gnc.kernel;

import java.io.Serializable;

/**
 * What defines the problem family of docs/science.md §1: an m x m' ground truth of the given rank and
 * Frobenius norm, and n Gaussian (sensing) or one-hot (completion) measurements.
 */
public record ProblemSettings(int rows, int cols, int rank, double groundTruthNorm, int measurements,
                              boolean completion) implements Serializable {

    /** The paper's setting: 5 x 5, rank 1, norm 1, 15 Gaussian measurements. */
    public static final ProblemSettings PAPER = new ProblemSettings(5, 5, 1, 1.0, 15, false);

    public ProblemSettings {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("rows and cols must be >= 1");
        }
        if (rank < 1 || rank > Math.min(rows, cols)) {
            throw new IllegalArgumentException("rank must be in 1.." + Math.min(rows, cols) + ", got " + rank);
        }
        if (!(groundTruthNorm > 0) || Double.isInfinite(groundTruthNorm)) {
            throw new IllegalArgumentException("ground-truth norm must be finite and > 0, got " + groundTruthNorm);
        }
        if (measurements < 1 || measurements >= rows * cols) {
            throw new IllegalArgumentException("measurements must be in 1.." + (rows * cols - 1)
                    + " so that a test set remains, got " + measurements);
        }
    }

    public int dimension() {
        return rows * cols;
    }
}
