package gnc.kernel;

/**
 * The direct sampler ({@link PriorSampler}'s law: every weight iid Gaussian, W_j of entries
 * {@link Factorization#priorScale}(j) Z) for {@link LaneOps#LANES} draws at once: one call draws
 * all weights of every lane (lane l's normals in {@link PriorSampler}'s order, W_1 .. W_d
 * row-major, from lane l's stream) and multiplies the layers out lane by lane.
 *
 * <p>The scales are applied to products rather than to weights (W_j H = s_j (Z_j H)), where
 * they meet the activation: H_j = sigma(s_j Z_j H_{j-1}); for linear factorizations one scale,
 * the product of all, multiplies W at the end. H_1 = sigma(s_1 Z_1) is formed in place in the
 * normals' buffer. One instance per thread; a call allocates nothing.
 */
final class LaneSampler implements LaneProductSampler {
    private static final int L = LaneOps.LANES;
    private final Factorization model;
    private final LaneOps ops;
    private final int pairs;
    private final double[] z;
    private double[] h;
    private double[] next;
    /** s_d s_{d-1} ... s_1, multiplied in that order (not Math.pow, whose last bit may vary by machine). */
    private final double linearScale;

    LaneSampler(Factorization model, LaneOps ops) {
        this.model = model;
        this.ops = ops;
        int weights = model.parameterCount();
        this.pairs = (weights + 1) / 2;
        this.z = new double[2 * pairs * L];
        this.h = new double[model.width() * model.cols() * L];
        this.next = new double[model.width() * model.cols() * L];
        this.linearScale = model.linearProductScale();
    }

    @Override
    public void sample(long[] state, double[] w) {
        ops.normals(state, z, pairs);
        int k = model.width();
        int cols = model.cols();
        int d = model.depth();
        boolean linear = model.activation().isLinear();
        double hidden = model.priorScale(1);
        activate(z, k * cols, hidden);
        double[] in = z;
        int offset = k * cols;
        for (int j = 2; j < d; j++) {
            ops.multiply(z, offset, k, k, in, cols, next);
            activate(next, k * cols, hidden);
            offset += k * k;
            in = next;
            double[] t = h;
            h = next;
            next = t;
        }
        ops.multiply(z, offset, model.rows(), k, in, cols, w);
        ops.scale(w, model.rows() * cols, linear ? linearScale : model.priorScale(d));
    }

    private void activate(double[] x, int n, double scale) {
        Activation act = model.activation();
        switch (act.kind()) {
            case LINEAR -> { }
            case TANH -> ops.tanh(x, n, scale);
            case LEAKY_RELU -> ops.leaky(x, n, scale, act.negativeSlope());
        }
    }
}
