package gnc.kernel;

import java.util.SplittableRandom;

/**
 * The reduced sampler of non-linear factorizations (tanh, leaky ReLU) with the Gaussian prior: each
 * k x k layer costs k m' random numbers instead of k^2, and the last layer m m' instead of m k.
 * Exact for width k >= m'.
 *
 * <p>Why it is exact. Let H_1 = sigma(W_1) (k x m'), P_j = W_j H_{j-1} and H_j = sigma(P_j) for
 * 1 < j < d, and W = W_d H_{d-1}. Row a of P_j is sum_c (W_j)_{ac} (row c of H_{j-1}) with
 * (W_j)_{ac} iid N(0, 1/k) independent of H_{j-1}, so given H_{j-1} the rows of P_j are iid
 * N(0, G / k), G = H_{j-1}^T H_{j-1} (m' x m'); likewise the rows of W are iid N(0, G / m) with
 * G the Gram matrix of H_{d-1}. So P_j has the law of Z L^T / sqrt(k), with Z a k x m' matrix
 * of iid N(0, 1) and L L^T = G (the Cholesky factor), and W that of Z L^T / sqrt(m) with Z m x m'.
 * Replacing each layer's product by such a draw, layer by layer, leaves the joint law of
 * (H_1, ..., H_{d-1}, W) unchanged. The first layer is drawn as in the direct sampler: its output
 * sigma(W_1) is not a function of a smaller Gaussian quantity.
 *
 * <p>G is positive definite with probability one when k >= m' (sigma is injective and P_j has a
 * density). Should rounding make a pivot of the Cholesky factorization non-positive, its column
 * is set to zero, the factor of a positive semi-definite G of lower rank.
 *
 * <p>Draw order (part of the reproducibility contract): W_1 (k x m') row-major; for each
 * 1 < j < d, Z_j (k x m') row-major; then Z (m x m') row-major. One instance per thread; a draw
 * allocates nothing.
 */
public final class GramSampler implements ProductSampler {
    private final int rows;
    private final int cols;
    private final int width;
    private final int depth;
    private final Activation activation;
    private final double invSqrtWidth;
    private final double invSqrtRows;
    private final double[] hidden;
    private final double[] gram;
    private final double[] factor;

    public GramSampler(Factorization model) {
        String reason = SamplerKind.reducedInexactReason(model, Prior.GAUSS);
        if (reason != null) {
            throw new IllegalArgumentException("the reduced sampler is not exact here: " + reason);
        }
        this.rows = model.rows();
        this.cols = model.cols();
        this.width = model.width();
        this.depth = model.depth();
        this.activation = model.activation();
        this.invSqrtWidth = 1.0 / Math.sqrt(width);
        this.invSqrtRows = 1.0 / Math.sqrt(rows);
        this.hidden = new double[width * cols];
        this.gram = new double[cols * cols];
        this.factor = new double[cols * cols];
    }

    @Override
    public SamplerKind kind() {
        return SamplerKind.REDUCED;
    }

    @Override
    public RandomUse randomUse() {
        return new RandomUse(Prior.GAUSS, (depth - 1) * width * cols + rows * cols, new int[0]);
    }

    @Override
    public void sample(SplittableRandom rng, double[] w) {
        int n = width * cols;
        Prior.GAUSS.fill(rng, hidden, n, invSqrtWidth);
        activation.applyInPlace(hidden, n);
        for (int j = 2; j < depth; j++) {
            gramLower(hidden, width, cols, gram);
            cholesky(gram, cols, factor);
            Prior.GAUSS.fill(rng, hidden, n, invSqrtWidth);
            WishartSampler.timesLowerTransposed(hidden, width, cols, factor);
            activation.applyInPlace(hidden, n);
        }
        gramLower(hidden, width, cols, gram);
        cholesky(gram, cols, factor);
        Prior.GAUSS.fill(rng, w, rows * cols, invSqrtRows);
        WishartSampler.timesLowerTransposed(w, rows, cols, factor);
    }

    /**
     * The lower triangle (row-major, i >= j) of h^T h for h (count x n, row-major): dot products
     * of column i with columns j and j + 1 at once, each load of column i serving both, the rows
     * in two interleaved halves so that four independent sums keep the adders busy.
     */
    static void gramLower(double[] h, int count, int n, double[] g) {
        if (n == 5) {
            gramLower5(h, count, g);
            return;
        }
        int pairs = count & ~1;
        for (int i = 0; i < n; i++) {
            int j = 0;
            for (; j + 1 <= i; j += 2) {
                double s00 = 0.0;
                double s01 = 0.0;
                double s10 = 0.0;
                double s11 = 0.0;
                for (int a = 0; a < pairs; a += 2) {
                    int r = a * n;
                    int q = r + n;
                    double hi = h[r + i];
                    double qi = h[q + i];
                    s00 += hi * h[r + j];
                    s01 += hi * h[r + j + 1];
                    s10 += qi * h[q + j];
                    s11 += qi * h[q + j + 1];
                }
                if (pairs < count) {
                    int r = pairs * n;
                    s00 += h[r + i] * h[r + j];
                    s01 += h[r + i] * h[r + j + 1];
                }
                g[i * n + j] = s00 + s10;
                g[i * n + j + 1] = s01 + s11;
            }
            if (j <= i) {
                double s0 = 0.0;
                double s1 = 0.0;
                for (int a = 0; a < pairs; a += 2) {
                    int r = a * n;
                    s0 += h[r + i] * h[r + j];
                    s1 += h[r + n + i] * h[r + n + j];
                }
                if (pairs < count) {
                    int r = pairs * n;
                    s0 += h[r + i] * h[r + j];
                }
                g[i * n + j] = s0 + s1;
            }
        }
    }

    /**
     * {@link #gramLower} for n = 5, the paper's shape: the fifteen sums in locals, one pass over
     * the rows (each row's five entries loaded once).
     */
    static void gramLower5(double[] h, int count, double[] g) {
        double g00 = 0.0;
        double g10 = 0.0;
        double g11 = 0.0;
        double g20 = 0.0;
        double g21 = 0.0;
        double g22 = 0.0;
        double g30 = 0.0;
        double g31 = 0.0;
        double g32 = 0.0;
        double g33 = 0.0;
        double g40 = 0.0;
        double g41 = 0.0;
        double g42 = 0.0;
        double g43 = 0.0;
        double g44 = 0.0;
        for (int a = 0; a < count; a++) {
            int r = a * 5;
            double h0 = h[r + 0];
            double h1 = h[r + 1];
            double h2 = h[r + 2];
            double h3 = h[r + 3];
            double h4 = h[r + 4];
            g00 += h0 * h0;
            g10 += h1 * h0;
            g11 += h1 * h1;
            g20 += h2 * h0;
            g21 += h2 * h1;
            g22 += h2 * h2;
            g30 += h3 * h0;
            g31 += h3 * h1;
            g32 += h3 * h2;
            g33 += h3 * h3;
            g40 += h4 * h0;
            g41 += h4 * h1;
            g42 += h4 * h2;
            g43 += h4 * h3;
            g44 += h4 * h4;
        }
        g[0] = g00;
        g[5] = g10;
        g[6] = g11;
        g[10] = g20;
        g[11] = g21;
        g[12] = g22;
        g[15] = g30;
        g[16] = g31;
        g[17] = g32;
        g[18] = g33;
        g[20] = g40;
        g[21] = g41;
        g[22] = g42;
        g[23] = g43;
        g[24] = g44;
    }

    /**
     * The lower Cholesky factor l (row-major, zeros above the diagonal untouched) of the symmetric
     * positive semi-definite g, given by its lower triangle; a non-positive pivot zeroes its column.
     */
    static void cholesky(double[] g, int n, double[] l) {
        for (int j = 0; j < n; j++) {
            int rj = j * n;
            double s = g[rj + j];
            for (int t = 0; t < j; t++) {
                s -= l[rj + t] * l[rj + t];
            }
            if (!(s > 0.0)) {
                for (int i = j; i < n; i++) {
                    l[i * n + j] = 0.0;
                }
                continue;
            }
            double pivot = Math.sqrt(s);
            l[rj + j] = pivot;
            double inv = 1.0 / pivot;
            for (int i = j + 1; i < n; i++) {
                int ri = i * n;
                double v = g[ri + j];
                for (int t = 0; t < j; t++) {
                    v -= l[ri + t] * l[rj + t];
                }
                l[ri + j] = v * inv;
            }
        }
    }
}
