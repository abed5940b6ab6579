package gnc.kernel;

import java.io.Serializable;

/**
 * The model of PAPER.md §2: W = W_d sigma(W_{d-1} sigma( ... sigma(W_1) ... )) with W_1 (k x m'),
 * W_j (k x k) for 1 < j < d and W_d (m x k). Matrices are row-major double arrays throughout;
 * vec(W) is W's row-major array, so entry (a, b) of an m x m' matrix sits at a * m' + b.
 */
public record Factorization(int rows, int cols, int width, int depth, Activation activation)
        implements Serializable {

    public Factorization {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("target shape must be at least 1 x 1, got " + rows + " x " + cols);
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, got " + width);
        }
        if (depth < 2) {
            throw new IllegalArgumentException("depth must be >= 2, got " + depth);
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation is required");
        }
    }

    /** Rows of layer j (1-based): k for every layer but the last, m for W_d. */
    public int layerRows(int j) {
        return j == depth ? rows : width;
    }

    /** Columns of layer j (1-based): m' for W_1, k after. */
    public int layerCols(int j) {
        return j == 1 ? cols : width;
    }

    /** Total number of weights over all layers. */
    public int parameterCount() {
        int total = 0;
        for (int j = 1; j <= depth; j++) {
            total += layerRows(j) * layerCols(j);
        }
        return total;
    }

    /**
     * The end-to-end matrix W (row-major m x m') of explicit weights, weights[j - 1] being W_j
     * row-major. A plain reference implementation: the hot path is {@link PriorSampler}.
     */
    public double[] product(double[][] weights) {
        if (weights.length != depth) {
            throw new IllegalArgumentException("expected " + depth + " layers, got " + weights.length);
        }
        double[] h = new double[width * cols];
        for (int i = 0; i < h.length; i++) {
            h[i] = activation.apply(weights[0][i]);
        }
        for (int j = 2; j <= depth; j++) {
            int outRows = layerRows(j);
            double[] next = new double[outRows * cols];
            for (int a = 0; a < outRows; a++) {
                for (int b = 0; b < cols; b++) {
                    double s = 0;
                    for (int c = 0; c < width; c++) {
                        s += weights[j - 1][a * width + c] * h[c * cols + b];
                    }
                    next[a * cols + b] = j == depth ? s : activation.apply(s);
                }
            }
            h = next;
        }
        return h;
    }
}
