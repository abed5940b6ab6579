package gnc.kernel;

import java.util.SplittableRandom;

/**
 * The factorization's forward pass from explicit weights, allocation-free, for methods that keep
 * and move weights (gradient descent, MCMC). Weights of all layers sit in one flat array:
 * W_1 (k x m') row-major, then W_2, ..., W_d (m x k). The pass keeps every hidden layer's
 * pre-activation P_j = W_j H_{j-1} (with P_1 = W_1) and output H_j = sigma(P_j), which backprop
 * needs. One instance per thread.
 */
public final class ForwardPass {
    private final Factorization model;
    private final int[] offsets;
    private final double[][] pre;
    private final double[][] out;

    public ForwardPass(Factorization model) {
        this.model = model;
        int d = model.depth();
        this.offsets = new int[d + 2];
        for (int j = 1; j <= d; j++) {
            offsets[j + 1] = offsets[j] + model.layerRows(j) * model.layerCols(j);
        }
        int hidden = model.width() * model.cols();
        this.pre = new double[d][hidden];
        this.out = new double[d][hidden];
    }

    public Factorization model() {
        return model;
    }

    /** Total number of weights: the length of a flat weight array. */
    public int parameterCount() {
        return offsets[model.depth() + 1];
    }

    /** Where layer j (1-based) starts in the flat weight array. */
    public int offset(int layer) {
        return offsets[layer];
    }

    /**
     * Fills weights with a draw from the G&C prior in {@link PriorSampler}'s order and scaling
     * (entries of W_j are {@link Factorization#priorScale}(j) D), so that the same stream gives
     * the same W through either class.
     */
    public void drawPrior(Prior prior, SplittableRandom rng, double[] weights) {
        for (int j = 1; j <= model.depth(); j++) {
            double scale = model.priorScale(j);
            for (int i = offsets[j]; i < offsets[j + 1]; i++) {
                weights[i] = scale * prior.draw(rng);
            }
        }
    }

    /** Writes W (row-major m x m') of the given flat weights into w. */
    public void compute(double[] weights, double[] w) {
        int k = model.width();
        int cols = model.cols();
        int d = model.depth();
        Activation act = model.activation();
        System.arraycopy(weights, 0, pre[1], 0, k * cols);
        for (int j = 1; j < d; j++) {
            if (j > 1) {
                model.multiplyLayer(weights, offsets[j], k, out[j - 1], pre[j]);
            }
            double[] p = pre[j];
            double[] h = out[j];
            for (int i = 0; i < k * cols; i++) {
                h[i] = act.apply(p[i]);
            }
        }
        model.multiplyLayer(weights, offsets[d], model.rows(), out[d - 1], w);
    }

    /** P_j (k x m') of the last {@link #compute} call, for hidden layers 1 <= j < d. */
    public double[] preActivation(int layer) {
        return pre[layer];
    }

    /** H_j = sigma(P_j) (k x m') of the last {@link #compute} call, for 1 <= j < d. */
    public double[] activation(int layer) {
        return out[layer];
    }
}
