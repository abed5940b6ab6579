package gnc.kernel;

import java.io.Serializable;

/**
 * The model of docs/science.md §2: W = W_d sigma(W_{d-1} sigma( ... sigma(W_1) ... )) with W_1 (k x m'),
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
     * The G&C prior's scale of layer j's entries (1-based; the paper's §3): W_j = priorScale(j) D
     * entry-wise, D the prior's base law; 1 / sqrt(k) for j &lt; d and 1 / sqrt(m) for W_d, one
     * over the root of the layer's output size. Every sampler and prior move takes it from here.
     */
    public double priorScale(int j) {
        return 1.0 / Math.sqrt(layerRows(j));
    }

    /**
     * s_d s_1 s_2 ... s_{d-1} (s_j = {@link #priorScale}(j)), multiplied in that order: the one
     * scale of a linear factorization's W = s_d W_d' ... s_1 W_1' when its factors are drawn unscaled.
     */
    public double linearProductScale() {
        double product = priorScale(depth);
        for (int j = 1; j < depth; j++) {
            product *= priorScale(j);
        }
        return product;
    }

    /**
     * out (outRows x m') = g (outRows x k, stored from g[gOffset]) times h (k x m'): a layer's
     * product as the samplers and the forward pass form it, with {@link RowMajorOps5#mult} for
     * m' = 5 and {@link RowMajorOps#mult} otherwise (the same sums in the same order).
     */
    void multiplyLayer(double[] g, int gOffset, int outRows, double[] h, double[] out) {
        if (cols == 5) {
            RowMajorOps5.mult(g, gOffset, outRows, width, h, out);
        } else {
            RowMajorOps.mult(g, gOffset, outRows, width, h, cols, out);
        }
    }

    /**
     * The end-to-end matrix W (row-major m x m') of explicit weights, weights[j - 1] being W_j
     * row-major. A plain reference implementation, allocating as it goes and multiplying with the
     * general {@link RowMajorOps#mult} at every m': the hot path is {@link PriorSampler}.
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
            double[] next = new double[layerRows(j) * cols];
            RowMajorOps.mult(weights[j - 1], 0, layerRows(j), width, h, cols, next);
            if (j < depth) {
                for (int i = 0; i < next.length; i++) {
                    next[i] = activation.apply(next[i]);
                }
            }
            h = next;
        }
        return h;
    }
}
