package gnc.kernel;

import java.util.SplittableRandom;

/**
 * The direct sampler: draws the end-to-end matrix W of a factorization whose weights are iid from
 * the G&C prior (docs/science.md §3) by drawing every weight, entries of W_j (j < d) D / sqrt(k) and
 * entries of W_d D / sqrt(m) ({@link Factorization#priorScale}), and multiplying the layers out
 * ({@link Factorization#multiplyLayer}). Exact for every prior and width.
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
        this.hiddenScale = model.priorScale(1);
        this.lastScale = model.priorScale(model.depth());
        this.layer = new double[k * Math.max(k, model.rows())];
        this.h = new double[k * model.cols()];
        this.next = new double[k * model.cols()];
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
            model.multiplyLayer(layer, 0, k, h, next);
            act.applyInPlace(next, k * cols);
            double[] t = h;
            h = next;
            next = t;
        }
        prior.fill(rng, layer, model.rows() * k, lastScale);
        model.multiplyLayer(layer, 0, model.rows(), h, w);
    }
}
