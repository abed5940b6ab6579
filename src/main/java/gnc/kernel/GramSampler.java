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
    private final GramFactor gramFactor;

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
        this.invSqrtWidth = model.priorScale(1);
        this.invSqrtRows = model.priorScale(depth);
        this.hidden = new double[width * cols];
        this.gramFactor = new GramFactor(cols);
    }

    @Override
    public void sample(SplittableRandom rng, double[] w) {
        int n = width * cols;
        Prior.GAUSS.fill(rng, hidden, n, invSqrtWidth);
        activation.applyInPlace(hidden, n);
        for (int j = 2; j < depth; j++) {
            gramFactor.factorGramOf(hidden, width);
            Prior.GAUSS.fill(rng, hidden, n, invSqrtWidth);
            gramFactor.timesFactorTransposed(hidden, width);
            activation.applyInPlace(hidden, n);
        }
        gramFactor.factorGramOf(hidden, width);
        Prior.GAUSS.fill(rng, w, rows * cols, invSqrtRows);
        gramFactor.timesFactorTransposed(w, rows);
    }
}
