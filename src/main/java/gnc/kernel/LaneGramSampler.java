package gnc.kernel;

/**
 * The reduced sampler of non-linear factorizations ({@link GramSampler}'s law: exact for width
 * k >= m', Gaussian prior) for {@link LaneOps#LANES} draws at once. Per lane: H_1 =
 * sigma(s_1 Z_1), Z_1 k x m'; for each 1 < j < d, L the Cholesky factor of H_{j-1}^T H_{j-1}
 * and H_j = sigma(s_j Z_j L^T), Z_j k x m'; then W = s_d Z L^T with Z m x m' and L that of
 * H_{d-1}; s_j = {@link Factorization#priorScale}(j), applied to the product rather than to the
 * normals (s Z L^T = (s Z) L^T in law and nearly in bits). A non-positive Cholesky pivot zeroes
 * its column, as GramSampler's.
 *
 * <p>Random numbers: each of the d matrices Z_1, Z_2, ..., Z (row-major, GramSampler's order)
 * is one call of {@link LaneOps#normals} on the lane streams, ceil(count / 2) Box-Muller pairs;
 * a matrix of odd size discards the last normal of its last pair. Drawing layer by layer keeps
 * the workspace at O(k m') per lane at any depth. One instance per thread; a call allocates
 * nothing.
 */
final class LaneGramSampler implements LaneProductSampler {
    private final Factorization model;
    private final LaneOps ops;
    private final double[] h;
    private final double[] z;
    private final double[] gram;
    private final double[] factor;

    LaneGramSampler(Factorization model, LaneOps ops) {
        String reason = SamplerKind.reducedInexactReason(model, Prior.GAUSS);
        if (reason != null || model.activation().isLinear()) {
            throw new IllegalArgumentException("the lane Gram sampler does not apply here: "
                    + (reason != null ? reason : "linear factorizations draw reduced by Wishart steps"));
        }
        this.model = model;
        this.ops = ops;
        int k = model.width();
        int cols = model.cols();
        int l = LaneOps.LANES;
        this.h = new double[normalsLength(k * cols) * l];
        this.z = new double[normalsLength(Math.max(k, model.rows()) * cols) * l];
        this.gram = new double[cols * cols * l];
        this.factor = new double[cols * cols * l];
    }

    @Override
    public void sample(long[] state, double[] w) {
        int k = model.width();
        int cols = model.cols();
        int d = model.depth();
        double hidden = model.priorScale(1);
        ops.normals(state, h, pairs(k * cols));
        activate(h, k * cols, hidden);
        for (int j = 2; j < d; j++) {
            ops.gramLower(h, k, cols, gram);
            ops.cholesky(gram, cols, factor);
            ops.normals(state, z, pairs(k * cols));
            ops.timesLowerTransposed(z, k, cols, factor, h);
            activate(h, k * cols, hidden);
        }
        ops.gramLower(h, k, cols, gram);
        ops.cholesky(gram, cols, factor);
        ops.normals(state, z, pairs(model.rows() * cols));
        ops.timesLowerTransposed(z, model.rows(), cols, factor, w);
        ops.scale(w, model.rows() * cols, model.priorScale(d));
    }

    /** Box-Muller pairs for count normals. */
    static int pairs(int count) {
        return (count + 1) / 2;
    }

    private static int normalsLength(int count) {
        return 2 * pairs(count);
    }

    private void activate(double[] x, int n, double scale) {
        Activation act = model.activation();
        switch (act.kind()) {
            case LINEAR -> throw new IllegalStateException("linear factorizations do not draw here");
            case TANH -> ops.tanh(x, n, scale);
            case LEAKY_RELU -> ops.leaky(x, n, scale, act.negativeSlope());
        }
    }
}
