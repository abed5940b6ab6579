package gnc.kernel;

/**
 * The reduced sampler of linear factorizations ({@link WishartSampler}'s law: exact for width
 * k >= m', Gaussian prior) for {@link LaneOps#LANES} draws at once. Per lane: L = B_1 B_2 ...
 * B_{d-1}, each B_j lower triangular from Bartlett's decomposition of a Wishart W_{m'}(k, I)
 * matrix (below the diagonal N(0, 1); B_ii = sqrt of a chi-square with k - i degrees of freedom);
 * then W = s Z L^T with Z m x m' and s = {@link Factorization#linearProductScale}, the scales
 * of Z and the B_j applied once at the end.
 *
 * <p>A chi-square with n degrees of freedom is -2 ln(U_1 ... U_{n/2}) (a sum of n/2
 * exponentials of mean 2), plus N^2 for odd n: exact, and at small k far cheaper in lanes than n
 * squared normals. The uniforms are multiplied in products of at most {@link LaneOps#MAX_UNIFORMS}
 * ({@link LaneOps#uniformProducts}), all products' logarithms taken in one call
 * ({@link LaneOps#minusTwoLogs}) and a diagonal entry's added from 0.0 in order
 * ({@link LaneOps#rootOfSum}). The factors are multiplied as triangles
 * ({@link LaneOps#lowerTimesLower}: only the terms on and below the diagonals, n(n+1)(n+2)/6 of
 * a full product's n^3 multiply-adds, 35 of 125 at n = 5).
 *
 * <p>Random numbers, per B_j: one {@link LaneOps#normals} call for its m'(m'-1)/2 entries below
 * the diagonal (row by row) followed by one normal for each odd k - i (i ascending), an odd total
 * discarding its pair's last; then for i = 0 .. m'-1 the floor((k - i) / 2) uniforms of entry i
 * (none when k - i = 1), product by product. Then Z (m x m', row-major) by one normals call. One
 * instance per thread; a call allocates nothing. Up to {@link Lanes#MAX_WISHART_WIDTH}.
 */
final class LaneWishartSampler implements LaneProductSampler {
    private static final int L = LaneOps.LANES;
    private final Factorization model;
    private final LaneOps ops;
    private final int belowAndOddPairs;
    private final double[] normals;
    private final double[] logs;
    private final double[] step;
    private final double[] z;
    private double[] factor;
    private double[] product;
    private final double scale;

    LaneWishartSampler(Factorization model, LaneOps ops) {
        String reason = SamplerKind.reducedInexactReason(model, Prior.GAUSS);
        if (reason == null && !model.activation().isLinear()) {
            reason = "non-linear factorizations draw reduced by Gram steps";
        }
        if (reason == null && model.width() > Lanes.MAX_WISHART_WIDTH) {
            reason = "width " + model.width() + " > " + Lanes.MAX_WISHART_WIDTH;
        }
        if (reason != null) {
            throw new IllegalArgumentException("the lane Wishart sampler does not apply here: " + reason);
        }
        this.model = model;
        this.ops = ops;
        int n = model.cols();
        int odd = 0;
        for (int i = 0; i < n; i++) {
            odd += (model.width() - i) % 2;
        }
        this.belowAndOddPairs = LaneGramSampler.pairs(n * (n - 1) / 2 + odd);
        this.normals = new double[2 * belowAndOddPairs * L];
        int products = 0;
        for (int i = 0; i < n; i++) {
            products += products(model.width() - i);
        }
        this.logs = new double[products * L];
        this.step = new double[n * n * L];
        this.factor = new double[n * n * L];
        this.product = new double[n * n * L];
        this.z = new double[2 * LaneGramSampler.pairs(model.rows() * n) * L];
        this.scale = model.linearProductScale();
    }

    @Override
    public void sample(long[] state, double[] w) {
        int n = model.cols();
        bartlett(state, factor);
        for (int j = 2; j < model.depth(); j++) {
            bartlett(state, step);
            ops.lowerTimesLower(factor, step, n, product);
            double[] t = factor;
            factor = product;
            product = t;
        }
        int rows = model.rows();
        ops.normals(state, z, LaneGramSampler.pairs(rows * n));
        ops.timesLowerTransposed(z, rows, n, factor, w);
        ops.scale(w, rows * n, scale);
    }

    /** Writes one Bartlett factor B (lower triangular, n x n, zeros above the diagonal) per lane into b. */
    private void bartlett(long[] state, double[] b) {
        int n = model.cols();
        int k = model.width();
        ops.normals(state, normals, belowAndOddPairs);
        int next = 0;
        for (int i = 1; i < n; i++) { // row i's i entries below the diagonal lie side by side in b
            System.arraycopy(normals, next * L, b, i * n * L, i * L);
            next += i;
        }
        int slot = 0;
        for (int i = 0; i < n; i++) {
            for (int left = (k - i) / 2; left > 0; left -= LaneOps.MAX_UNIFORMS) {
                ops.uniformProducts(state, Math.min(left, LaneOps.MAX_UNIFORMS), logs, slot++);
            }
        }
        ops.minusTwoLogs(logs, 0, slot);
        slot = 0;
        for (int i = 0; i < n; i++) {
            int parts = products(k - i);
            boolean odd = (k - i) % 2 == 1;
            ops.rootOfSum(logs, slot, parts, normals, odd ? next : -1, b, i * n + i);
            slot += parts;
            next += odd ? 1 : 0;
        }
    }

    /** How many products of uniforms a chi-square with dof degrees of freedom takes: floor(dof / 2) uniforms, at most MAX_UNIFORMS per product. */
    private static int products(int dof) {
        return (dof / 2 + LaneOps.MAX_UNIFORMS - 1) / LaneOps.MAX_UNIFORMS;
    }
}
