package gnc.kernel;

import java.util.SplittableRandom;

/**
 * The reduced sampler of linear factorizations with the Gaussian prior: W drawn exactly from its
 * law at a cost of O(d m'^3 + m m') random numbers and flops, whatever the width k (k >= m').
 *
 * <p>Why it is exact. Let H_0 = I (m' x m') and H_j = W_j H_{j-1} (k x m' for j < d), so that
 * W = W_d H_{d-1}. Row a of H_j is sum_c (W_j)_{ac} (row c of H_{j-1}) with (W_j)_{ac} iid
 * N(0, 1/k) independent of H_{j-1}; so given H_{j-1} the rows of H_j are iid
 * N(0, G_{j-1} / k), where G = H^T H is the m' x m' Gram matrix. The same holds for W with
 * 1/m for 1/k. Hence, for any L with L L^T = G_{j-1}, H_j has the law of Z L^T / sqrt(k), Z a
 * k x m' matrix of iid N(0, 1), and G_j that of L (Z^T Z) L^T / k. The law of W thus depends on
 * the weights only through the Markov chain G_1, ..., G_{d-1}, which this sampler runs with
 * Bartlett's decomposition of the Wishart matrix S = Z^T Z ~ W_{m'}(k, I): S = B B^T with B
 * lower triangular, B_ii^2 ~ chi^2_{k - i} (i = 0 .. m'-1, independent) and B_ij ~ N(0, 1) below
 * the diagonal. It needs k >= m' degrees of freedom. So L_j = L_{j-1} B_j / sqrt(k) is a square
 * root of a matrix with the law of G_j (starting from L_0 = I), and stays lower triangular. The
 * choice of square root does not matter: L O (O orthogonal) gives L O S O^T L^T, and S is
 * invariant in law under S -> O S O^T. Finally W = Z L_{d-1}^T / sqrt(m) with Z m x m' iid
 * N(0, 1), whose rows are iid N(0, G_{d-1} / m) as required.
 *
 * <p>Draw order (part of the reproducibility contract): for each layer j = 1 .. d-1, the
 * m'(m'-1)/2 below-diagonal normals of B_j row by row, then its diagonal chi-squares for
 * i = 0 .. m'-1; then Z (m x m') row-major. One instance per thread; a draw allocates nothing.
 */
public final class WishartSampler implements ProductSampler {
    private final int rows;
    private final int cols;
    private final int depth;
    private final double invSqrtWidth;
    private final double invSqrtRows;
    private final ChiSquare[] diagonal;
    private final double[] step;
    private double[] factor;
    private double[] product;

    public WishartSampler(Factorization model) {
        if (!model.activation().isLinear()) {
            throw new IllegalArgumentException("the Wishart sampler is for linear factorizations only");
        }
        String reason = SamplerKind.reducedInexactReason(model, Prior.GAUSS);
        if (reason != null) {
            throw new IllegalArgumentException("the reduced sampler is not exact here: " + reason);
        }
        this.rows = model.rows();
        this.cols = model.cols();
        this.depth = model.depth();
        this.invSqrtWidth = 1.0 / Math.sqrt(model.width());
        this.invSqrtRows = 1.0 / Math.sqrt(rows);
        this.diagonal = new ChiSquare[cols];
        for (int i = 0; i < cols; i++) {
            diagonal[i] = new ChiSquare(model.width() - i);
        }
        this.step = new double[cols * cols];
        this.factor = new double[cols * cols];
        this.product = new double[cols * cols];
    }

    @Override
    public SamplerKind kind() {
        return SamplerKind.REDUCED;
    }

    @Override
    public RandomUse randomUse() {
        int[] degrees = new int[(depth - 1) * cols];
        for (int j = 0; j < depth - 1; j++) {
            for (int i = 0; i < cols; i++) {
                degrees[j * cols + i] = diagonal[i].degrees();
            }
        }
        return new RandomUse(Prior.GAUSS, (depth - 1) * cols * (cols - 1) / 2 + rows * cols, degrees);
    }

    @Override
    public void sample(SplittableRandom rng, double[] w) {
        bartlett(rng, factor);
        for (int j = 2; j < depth; j++) {
            bartlett(rng, step);
            if (cols == 5) {
                lowerProduct5(factor, step, product);
            } else {
                lowerProduct(factor, step, product, cols);
            }
            double[] t = factor;
            factor = product;
            product = t;
        }
        // W = Z L^T / sqrt(m): Z fills w, then each row is replaced by its image in place,
        // right to left, since entry b needs Z's entries 0 .. b of the same row.
        Prior.GAUSS.fill(rng, w, rows * cols, invSqrtRows);
        timesLowerTransposed(w, rows, cols, factor);
    }

    /** Writes B / sqrt(k) (lower triangular, row-major, zeros above) into b. */
    private void bartlett(SplittableRandom rng, double[] b) {
        double scale = invSqrtWidth;
        for (int i = 1; i < cols; i++) {
            int r = i * cols;
            for (int j = 0; j < i; j++) {
                b[r + j] = scale * Ziggurat.next(rng);
            }
        }
        double inverseWidth = scale * scale;
        for (int i = 0; i < cols; i++) {
            b[i * cols + i] = Math.sqrt(diagonal[i].draw(rng) * inverseWidth);
        }
    }

    /** out <- l b, all lower triangular n x n row-major: (l b)_ij = sum over t in [j, i] of l_it b_tj. */
    static void lowerProduct(double[] l, double[] b, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            int r = i * n;
            for (int j = 0; j <= i; j++) {
                double s = 0.0;
                for (int t = j; t <= i; t++) {
                    s += l[r + t] * b[t * n + j];
                }
                out[r + j] = s;
            }
        }
    }

    /**
     * {@link #lowerProduct} for m' = 5, the paper's shape, unrolled: the loops' overhead on their
     * short triangular ranges cost more than the 35 multiply-adds (measured: depth 10 draws 18%
     * faster). Same sums in the same order, so the same results bit for bit.
     */
    static void lowerProduct5(double[] l, double[] b, double[] out) {
        double l00 = l[0];
        double l10 = l[5];
        double l11 = l[6];
        double l20 = l[10];
        double l21 = l[11];
        double l22 = l[12];
        double l30 = l[15];
        double l31 = l[16];
        double l32 = l[17];
        double l33 = l[18];
        double l40 = l[20];
        double l41 = l[21];
        double l42 = l[22];
        double l43 = l[23];
        double l44 = l[24];
        double b00 = b[0];
        double b10 = b[5];
        double b11 = b[6];
        double b20 = b[10];
        double b21 = b[11];
        double b22 = b[12];
        double b30 = b[15];
        double b31 = b[16];
        double b32 = b[17];
        double b33 = b[18];
        double b40 = b[20];
        double b41 = b[21];
        double b42 = b[22];
        double b43 = b[23];
        double b44 = b[24];
        out[0] = l00 * b00;
        out[5] = l10 * b00 + l11 * b10;
        out[6] = l11 * b11;
        out[10] = l20 * b00 + l21 * b10 + l22 * b20;
        out[11] = l21 * b11 + l22 * b21;
        out[12] = l22 * b22;
        out[15] = l30 * b00 + l31 * b10 + l32 * b20 + l33 * b30;
        out[16] = l31 * b11 + l32 * b21 + l33 * b31;
        out[17] = l32 * b22 + l33 * b32;
        out[18] = l33 * b33;
        out[20] = l40 * b00 + l41 * b10 + l42 * b20 + l43 * b30 + l44 * b40;
        out[21] = l41 * b11 + l42 * b21 + l43 * b31 + l44 * b41;
        out[22] = l42 * b22 + l43 * b32 + l44 * b42;
        out[23] = l43 * b33 + l44 * b43;
        out[24] = l44 * b44;
    }

    /**
     * z (count x n, row-major) <- z l^T in place, l lower triangular n x n: entry b of a row is
     * sum over c <= b of z_c l_bc, computed for b = n-1 down to 0 so that it reads only entries
     * not yet replaced.
     */
    static void timesLowerTransposed(double[] z, int count, int n, double[] l) {
        if (n == 5) {
            timesLowerTransposed5(z, count, l);
            return;
        }
        for (int a = 0; a < count; a++) {
            int r = a * n;
            for (int b = n - 1; b >= 0; b--) {
                int lr = b * n;
                double s = 0.0;
                for (int c = 0; c <= b; c++) {
                    s += z[r + c] * l[lr + c];
                }
                z[r + b] = s;
            }
        }
    }

    /**
     * {@link #timesLowerTransposed} for n = 5, unrolled (as {@link #lowerProduct5}, for the same
     * reason); same sums in the same order.
     */
    static void timesLowerTransposed5(double[] z, int count, double[] l) {
        double l00 = l[0];
        double l10 = l[5];
        double l11 = l[6];
        double l20 = l[10];
        double l21 = l[11];
        double l22 = l[12];
        double l30 = l[15];
        double l31 = l[16];
        double l32 = l[17];
        double l33 = l[18];
        double l40 = l[20];
        double l41 = l[21];
        double l42 = l[22];
        double l43 = l[23];
        double l44 = l[24];
        for (int a = 0; a < count; a++) {
            int r = a * 5;
            double z0 = z[r + 0];
            double z1 = z[r + 1];
            double z2 = z[r + 2];
            double z3 = z[r + 3];
            double z4 = z[r + 4];
            z[r + 0] = z0 * l00;
            z[r + 1] = z0 * l10 + z1 * l11;
            z[r + 2] = z0 * l20 + z1 * l21 + z2 * l22;
            z[r + 3] = z0 * l30 + z1 * l31 + z2 * l32 + z3 * l33;
            z[r + 4] = z0 * l40 + z1 * l41 + z2 * l42 + z3 * l43 + z4 * l44;
        }
    }
}
