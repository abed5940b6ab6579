package gnc.kernel;

/**
 * L_train and its gradient with respect to every weight of the factorization (backpropagation),
 * allocation-free: the forward pass is {@link ForwardPass}, the backward pass works in buffers
 * allocated once here. Weights and gradients are flat arrays in ForwardPass's layout (W_1 row-major,
 * then W_2, ..., W_d). One instance per thread.
 *
 * <p>The math, with H_0 = I (so P_1 = W_1), P_j = W_j H_{j-1}, H_j = sigma(P_j), W = W_d H_{d-1}:
 * <ul>
 *   <li>r_i = &lt;A_i, W&gt; - y_i, L_train = (1/n) sum r_i^2, G = dL/dW = (2/n) sum r_i A_i (m x m');</li>
 *   <li>dL/dW_d = G H_{d-1}^T and D_{d-1} = dL/dH_{d-1} = W_d^T G;</li>
 *   <li>for j = d-1 .. 1: E_j = dL/dP_j = D_j (entry-wise) sigma'(P_j); dL/dW_j = E_j H_{j-1}^T
 *       (= E_j for j = 1); D_{j-1} = W_j^T E_j.</li>
 * </ul>
 * sigma'(P) is 1 (linear), 1 - H^2 with H = tanh(P) already computed by the forward pass (tanh),
 * or 1 for P &gt; 0 and the negative slope otherwise (leaky ReLU, whose kink at 0 gets the slope).
 */
public final class TrainLossGradient {
    private final ForwardPass pass;
    private final Factorization model;
    private final int dim;
    private final int count;
    private final double[] measurements;
    private final double[] labels;
    private final double[] w;
    private final double[] lossGradient;
    private double[] delta;
    private double[] nextDelta;

    public TrainLossGradient(ProblemInstance problem, Factorization model) {
        if (problem.rows() != model.rows() || problem.cols() != model.cols()) {
            throw new IllegalArgumentException("model shape " + model.rows() + " x " + model.cols()
                    + " does not match problem shape " + problem.rows() + " x " + problem.cols());
        }
        this.pass = new ForwardPass(model);
        this.model = model;
        this.dim = problem.dimension();
        this.count = problem.measurementCount();
        this.measurements = problem.measurements();
        this.labels = problem.labels();
        this.w = new double[dim];
        this.lossGradient = new double[dim];
        this.delta = new double[model.width() * model.cols()];
        this.nextDelta = new double[model.width() * model.cols()];
    }

    public ForwardPass forwardPass() {
        return pass;
    }

    /** Number of weights: the length of the flat weight and gradient arrays. */
    public int parameterCount() {
        return pass.parameterCount();
    }

    /** Writes dL_train/d(weights) into gradient and returns L_train at the weights. */
    public double evaluate(double[] weights, double[] gradient) {
        pass.compute(weights, w);
        double loss = lossAndProductGradient();
        backward(weights, gradient);
        return loss;
    }

    /** L_train at w, and G = (2/n) sum_i r_i A_i into lossGradient. */
    private double lossAndProductGradient() {
        int d = dim;
        double[] g = lossGradient;
        for (int t = 0; t < d; t++) {
            g[t] = 0.0;
        }
        double sum = 0.0;
        double factor = 2.0 / count;
        for (int i = 0; i < count; i++) {
            int row = i * d;
            double s = 0.0;
            for (int t = 0; t < d; t++) {
                s += measurements[row + t] * w[t];
            }
            double r = s - labels[i];
            sum += r * r;
            double c = factor * r;
            for (int t = 0; t < d; t++) {
                g[t] += c * measurements[row + t];
            }
        }
        return sum / count;
    }

    private void backward(double[] weights, double[] gradient) {
        int depth = model.depth();
        int k = model.width();
        int cols = model.cols();
        int rows = model.rows();
        // Last layer: dL/dW_d = G H^T (m x k), D = W_d^T G (k x m'), H = H_{d-1}.
        double[] h = pass.activation(depth - 1);
        int last = pass.offset(depth);
        RowMajorOps.multTransB(lossGradient, rows, h, k, cols, gradient, last);
        RowMajorOps.multTransA(weights, last, rows, k, lossGradient, cols, delta);
        for (int j = depth - 1; j >= 1; j--) {
            timesDerivative(pass.preActivation(j), pass.activation(j), delta, k * cols);
            int from = pass.offset(j);
            if (j == 1) {
                System.arraycopy(delta, 0, gradient, from, k * cols);
            } else {
                RowMajorOps.multTransB(delta, k, pass.activation(j - 1), k, cols, gradient, from);
                RowMajorOps.multTransA(weights, from, k, k, delta, cols, nextDelta);
                double[] t = delta;
                delta = nextDelta;
                nextDelta = t;
            }
        }
    }

    /** d[i] *= sigma'(p[i]), using h = sigma(p) where that is cheaper (tanh). */
    private void timesDerivative(double[] p, double[] h, double[] d, int length) {
        Activation act = model.activation();
        switch (act.kind()) {
            case LINEAR -> { }
            case TANH -> {
                for (int i = 0; i < length; i++) {
                    d[i] *= 1.0 - h[i] * h[i];
                }
            }
            case LEAKY_RELU -> {
                double slope = act.negativeSlope();
                for (int i = 0; i < length; i++) {
                    if (!(p[i] > 0)) {
                        d[i] *= slope;
                    }
                }
            }
        }
    }
}
