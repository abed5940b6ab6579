package gnc.kernel;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The gradient-descent baseline of docs/science.md §4 on one problem instance: uniform initialization,
 * then full-batch steps on L_train with one adaptive step size shared by all parameters.
 *
 * <p>Initialization: every entry of W_j is initScale * (2u - 1) / sqrt(f), u = rng.nextDouble(),
 * f = that layer's input size (m' for W_1, k after), i.e. Uniform[-1/sqrt(f), 1/sqrt(f)] times
 * the init scale. Draw order (part of the reproducibility contract): W_1, W_2, ..., W_d, each
 * row-major, one nextDouble() per weight.
 *
 * <p>Step t = 1, 2, ... with gradient g of L_train at the current weights p:
 * s_t = a s_{t-1} + (1 - a) sum_i g_i^2 (s_0 = 0, a = 0.99);
 * step_t = lr / (sqrt(s_t / (1 - a^t)) + 1e-6); without momentum p <- p - step_t g; with
 * momentum mu > 0, v <- mu v + g (v_0 = 0) and p <- p - step_t v. The authors' code computes the
 * momentum buffer but never applies it; here it is applied. a^t is kept as a running product
 * (a^t = a^{t-1} * a), which stays within t ulps of the exact power and reaches 0 long before
 * that matters. One instance per thread; a run allocates nothing per epoch.
 */
public final class GradientDescent {
    /** a, the decay of the running mean of the squared gradient norm. */
    public static final double DECAY = 0.99;
    /** Added to the root of the bias-corrected mean before dividing the learning rate by it. */
    public static final double STEP_SOFTENING = 1e-6;

    private final TrainLossGradient gradient;
    private final LossEvaluator losses;
    private final Factorization model;
    private final double[] weights;
    private final double[] grad;
    private final double[] velocity;
    private final double[] w;

    public GradientDescent(ProblemInstance problem, Factorization model) {
        this.gradient = new TrainLossGradient(problem, model);
        this.losses = new LossEvaluator(problem);
        this.model = model;
        int count = gradient.parameterCount();
        this.weights = new double[count];
        this.grad = new double[count];
        this.velocity = new double[count];
        this.w = new double[problem.dimension()];
    }

    /** Number of weights: the length of a flat weight array (ForwardPass's layout). */
    public int parameterCount() {
        return gradient.parameterCount();
    }

    /** Writes the initialization described in the class comment into weights. */
    public void initialize(double initScale, SplittableRandom rng, double[] weights) {
        ForwardPass pass = gradient.forwardPass();
        for (int j = 1; j <= model.depth(); j++) {
            double bound = initScale / Math.sqrt(model.layerCols(j));
            for (int i = pass.offset(j); i < pass.offset(j + 1); i++) {
                weights[i] = bound * (2.0 * rng.nextDouble() - 1.0);
            }
        }
    }

    /** Initializes from rng with the settings' init scale, trains, and reports the final losses. */
    public GdResult run(GdSettings settings, SplittableRandom rng) {
        initialize(settings.initScale(), rng, weights);
        return train(settings, weights);
    }

    /**
     * Takes settings.epochs() steps from the given weights, updating them in place (the init
     * scale is not used), and reports L_train and L_gen at the final weights.
     */
    public GdResult train(GdSettings settings, double[] weights) {
        int count = gradient.parameterCount();
        if (weights.length != count) {
            throw new IllegalArgumentException("expected " + count + " weights, got " + weights.length);
        }
        double lr = settings.learningRate();
        double mu = settings.momentum();
        boolean useMomentum = mu > 0;
        if (useMomentum) {
            Arrays.fill(velocity, 0.0);
        }
        double s = 0.0;
        double decayPower = 1.0;
        for (long t = 1; t <= settings.epochs(); t++) {
            gradient.evaluate(weights, grad);
            double sumSq = 0.0;
            for (int i = 0; i < count; i++) {
                sumSq += grad[i] * grad[i];
            }
            s = DECAY * s + (1.0 - DECAY) * sumSq;
            decayPower *= DECAY;
            double step = lr / (Math.sqrt(s / (1.0 - decayPower)) + STEP_SOFTENING);
            if (useMomentum) {
                for (int i = 0; i < count; i++) {
                    double v = mu * velocity[i] + grad[i];
                    velocity[i] = v;
                    weights[i] -= step * v;
                }
            } else {
                for (int i = 0; i < count; i++) {
                    weights[i] -= step * grad[i];
                }
            }
        }
        gradient.forwardPass().compute(weights, w);
        losses.evaluate(w, 1.0, Double.POSITIVE_INFINITY);
        return new GdResult(losses.train(), losses.gen(), settings.epochs());
    }
}
