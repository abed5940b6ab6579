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
        this.invSqrtWidth = model.priorScale(1);
        this.invSqrtRows = model.priorScale(depth);
        this.diagonal = new ChiSquare[cols];
        for (int i = 0; i < cols; i++) {
            diagonal[i] = new ChiSquare(model.width() - i);
        }
        this.step = new double[cols * cols];
        this.factor = new double[cols * cols];
        this.product = new double[cols * cols];
    }

    @Override
    public void sample(SplittableRandom rng, double[] w) {
        bartlett(rng, factor);
        for (int j = 2; j < depth; j++) {
            bartlett(rng, step);
            if (cols == 5) {
                RowMajorOps5.multLower(factor, step, product);
            } else {
                RowMajorOps.multLower(factor, step, product, cols);
            }
            double[] t = factor;
            factor = product;
            product = t;
        }
        // W = Z L^T / sqrt(m): Z fills w, then each row is replaced by its image in place,
        // right to left, since entry b needs Z's entries 0 .. b of the same row.
        Prior.GAUSS.fill(rng, w, rows * cols, invSqrtRows);
        if (cols == 5) {
            RowMajorOps5.multTransBLowerInPlace(w, rows, factor);
        } else {
            RowMajorOps.multTransBLowerInPlace(w, rows, cols, factor);
        }
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
}
