package gnc.kernel;

import java.util.SplittableRandom;

/**
 * The direct sampler: draws the end-to-end matrix W of a factorization whose weights are iid from
 * the G&C prior (PAPER.md §3) by drawing every weight, entries of W_j (j < d) D / sqrt(k) and
 * entries of W_d D / sqrt(m), and multiplying the layers out. Exact for every prior and width.
 *
 * <p>Draw order (part of the reproducibility contract): W_1, W_2, ..., W_d, each row-major. Each
 * layer's weights are drawn into one reused buffer and then multiplied in (a tight fill loop
 * generates random numbers markedly faster than one interleaved with arithmetic). A draw costs
 * one random number per weight and allocates nothing. One instance per thread.
 */
public final class PriorSampler implements ProductSampler {
    private final Factorization model;
    private final Prior prior;
    private final double hiddenScale;
    private final double lastScale;
    private final double[] layer;
    private double[] h;
    private double[] next;

    public PriorSampler(Factorization model, Prior prior) {
        this.model = model;
        this.prior = prior;
        int k = model.width();
        this.hiddenScale = 1.0 / Math.sqrt(k);
        this.lastScale = 1.0 / Math.sqrt(model.rows());
        this.layer = new double[k * Math.max(k, model.rows())];
        this.h = new double[k * model.cols()];
        this.next = new double[k * model.cols()];
    }

    public Factorization model() {
        return model;
    }

    @Override
    public SamplerKind kind() {
        return SamplerKind.DIRECT;
    }

    @Override
    public RandomUse randomUse() {
        int k = model.width();
        return new RandomUse(prior, k * model.cols() + (model.depth() - 2) * k * k + model.rows() * k, new int[0]);
    }

    @Override
    public void sample(SplittableRandom rng, double[] w) {
        int k = model.width();
        int cols = model.cols();
        Activation act = model.activation();
        // H_1 = sigma(W_1): the first layer acts on the identity input.
        prior.fill(rng, h, k * cols, hiddenScale);
        act.applyInPlace(h, k * cols);
        for (int j = 2; j < model.depth(); j++) {
            prior.fill(rng, layer, k * k, hiddenScale);
            multiply(layer, k, next);
            act.applyInPlace(next, k * cols);
            double[] t = h;
            h = next;
            next = t;
        }
        prior.fill(rng, layer, model.rows() * k, lastScale);
        multiply(layer, model.rows(), w);
    }

    /** out (outRows x m') = g (outRows x k) times h (k x m'), all row-major. */
    private void multiply(double[] g, int outRows, double[] out) {
        int k = model.width();
        int cols = model.cols();
        double[] in = h;
        if (cols == 5) {
            multiply5(g, outRows, k, in, out);
            return;
        }
        for (int a = 0; a < outRows; a++) {
            int row = a * cols;
            for (int b = 0; b < cols; b++) {
                out[row + b] = 0.0;
            }
            int gRow = a * k;
            for (int c = 0; c < k; c++) {
                double ga = g[gRow + c];
                int src = c * cols;
                for (int b = 0; b < cols; b++) {
                    out[row + b] += ga * in[src + b];
                }
            }
        }
    }

    /**
     * {@link #multiply} for m' = 5, the paper's shape: a row's five sums in locals rather than
     * in memory (the general loop reloads and stores them for every c). The same sums in the same
     * order (c ascending, from 0), so the same results bit for bit.
     */
    static void multiply5(double[] g, int outRows, int k, double[] in, double[] out) {
        for (int a = 0; a < outRows; a++) {
            double s0 = 0.0;
            double s1 = 0.0;
            double s2 = 0.0;
            double s3 = 0.0;
            double s4 = 0.0;
            int gRow = a * k;
            for (int c = 0; c < k; c++) {
                double ga = g[gRow + c];
                int src = c * 5;
                s0 += ga * in[src];
                s1 += ga * in[src + 1];
                s2 += ga * in[src + 2];
                s3 += ga * in[src + 3];
                s4 += ga * in[src + 4];
            }
            int row = a * 5;
            out[row] = s0;
            out[row + 1] = s1;
            out[row + 2] = s2;
            out[row + 3] = s3;
            out[row + 4] = s4;
        }
    }
}
