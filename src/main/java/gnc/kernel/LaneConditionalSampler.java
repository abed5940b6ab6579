package gnc.kernel;

import java.util.SplittableRandom;

/**
 * {@link ConditionalSampler}'s moves with the Gaussian prior for {@link LaneOps#LANES} states at
 * once: a sweep moves every state of a population m times under L_train &lt; level, the states
 * taken eight at a time into lanes (state first + l in lane l), each lane a chain of its own.
 *
 * <p>One move of lane l: the pCN proposal x' = rho x + sigma s_j e entry by entry (sigma =
 * sqrt(1 - rho^2), s_j the layer's prior scale, e ~ N(0, 1) from lane l's stream), W of x' by the
 * forward pass H_1 = sigma(W_1), H_j = sigma(W_j H_{j-1}), W = W_d H_{d-1}, both losses exact
 * ({@link LaneLosses}), and x' kept exactly when its L_train is below the level: the law of
 * {@link PriorMove} followed by {@link ConditionalSampler#step}'s test, so every lane's chain
 * leaves the prior restricted to {L_train &lt; level} invariant (PriorMove's comment). Lanes
 * never interact: a state's chain depends only on its lane's numbers.
 *
 * <p>Streams: a sweep seeds the LANES lane streams from rng ({@link Lanes#seed}); every group of
 * eight states then draws all its proposals' normals from them, group after group, move after
 * move, whatever is accepted. A last group of fewer than eight states fills its spare lanes with
 * copies of its last state, moved and discarded. A sweep's result is a pure function of rng and
 * the states, on any machine ({@link LaneOps}).
 */
public final class LaneConditionalSampler {
    private static final int L = LaneOps.LANES;
    private final Factorization model;
    private final LaneOps ops;
    private final LaneLosses losses;
    private final int parameters;
    private final int pairs;
    private final int[] offsets;
    private final double[] scales;
    private final long[] laneState = new long[2 * L];
    private final double[] current;
    private final double[] proposal;
    private final double[] noise;
    private final double[] hidden;
    private final double[] next;
    private final double[] w;
    private final double[] train = new double[L];
    private final double[] gen = new double[L];

    public LaneConditionalSampler(ProblemInstance problem, Factorization model, GncSettings settings) {
        this(problem, model, settings, Lanes.ops());
    }

    LaneConditionalSampler(ProblemInstance problem, Factorization model, GncSettings settings, LaneOps ops) {
        if (!applies(model, settings.prior())) {
            throw new IllegalArgumentException("lane moves need the Gaussian prior and width <= " + Lanes.MAX_WIDTH);
        }
        this.model = model;
        this.ops = ops;
        this.losses = new LaneLosses(problem, settings, ops);
        int d = model.depth();
        this.offsets = new int[d + 2];
        this.scales = new double[d + 1];
        for (int j = 1; j <= d; j++) {
            offsets[j + 1] = offsets[j] + model.layerRows(j) * model.layerCols(j);
            scales[j] = model.priorScale(j);
        }
        this.parameters = offsets[d + 1];
        this.pairs = (parameters + 1) / 2;
        this.current = new double[parameters * L];
        this.proposal = new double[parameters * L];
        this.noise = new double[2 * pairs * L];
        this.hidden = new double[model.width() * model.cols() * L];
        this.next = new double[model.width() * model.cols() * L];
        this.w = new double[model.rows() * model.cols() * L];
    }

    /**
     * Whether states of this model and prior move in lanes: the Gaussian prior (pCN) at the widths
     * where G&amp;C draws in lanes.
     */
    public static boolean applies(Factorization model, Prior prior) {
        return prior == Prior.GAUSS && model.width() <= Lanes.MAX_WIDTH;
    }

    /**
     * moves steps of each of the count states (state i at weights[i * P ..], P the weight count,
     * its L_train and L_gen in train[i] and gen[i], every one below level) under L_train &lt; level,
     * with correlation rho; returns the number of accepted proposals.
     */
    public long sweep(SplittableRandom rng, double[] weights, double[] trainOut, double[] genOut, int count,
                      double level, double rho, int moves) {
        if (!(rho >= 0 && rho < 1)) {
            throw new IllegalArgumentException("rho must be in [0, 1), got " + rho);
        }
        double sigma = Math.sqrt(1.0 - rho * rho);
        Lanes.seed(rng, laneState);
        long accepted = 0;
        for (int first = 0; first < count; first += L) {
            int n = Math.min(L, count - first);
            gather(weights, trainOut, genOut, first, n);
            for (int t = 0; t < moves; t++) {
                propose(rho, sigma);
                forward(proposal, w);
                losses.evaluate(w);
                for (int l = 0; l < L; l++) {
                    if (losses.train(l) < level) {
                        keep(l);
                        if (l < n) {
                            accepted++;
                        }
                    }
                }
            }
            scatter(weights, trainOut, genOut, first, n);
        }
        return accepted;
    }

    private void propose(double rho, double sigma) {
        ops.normals(laneState, noise, pairs);
        for (int j = 1; j <= model.depth(); j++) {
            ops.crankNicolson(current, noise, offsets[j], offsets[j + 1], rho, sigma * scales[j], proposal);
        }
    }

    /** W of the weights x, lane by lane (entry e of lane l at e * LANES + l in both). */
    void forward(double[] x, double[] out) {
        int k = model.width();
        int cols = model.cols();
        int d = model.depth();
        double[] in = x;
        if (!model.activation().isLinear()) {
            System.arraycopy(x, 0, hidden, 0, k * cols * L);
            activate(hidden, k * cols);
            in = hidden;
        }
        double[] spare = in == hidden ? next : hidden;
        for (int j = 2; j < d; j++) {
            ops.multiply(x, offsets[j], k, k, in, cols, spare);
            activate(spare, k * cols);
            double[] t = in;
            in = spare;
            spare = t == x ? next : t;
        }
        ops.multiply(x, offsets[d], model.rows(), k, in, cols, out);
    }

    private void activate(double[] x, int n) {
        Activation act = model.activation();
        switch (act.kind()) {
            case LINEAR -> { }
            case TANH -> ops.tanh(x, n, 1.0);
            case LEAKY_RELU -> ops.leaky(x, n, 1.0, act.negativeSlope());
        }
    }

    private void keep(int l) {
        for (int e = 0; e < parameters; e++) {
            current[e * L + l] = proposal[e * L + l];
        }
        train[l] = losses.train(l);
        gen[l] = losses.gen(l);
    }

    /** States first .. first + n into lanes 0 .. n, the spare lanes copies of the last. */
    private void gather(double[] weights, double[] trainIn, double[] genIn, int first, int n) {
        for (int l = 0; l < L; l++) {
            int i = first + Math.min(l, n - 1);
            int base = i * parameters;
            for (int e = 0; e < parameters; e++) {
                current[e * L + l] = weights[base + e];
            }
            train[l] = trainIn[i];
            gen[l] = genIn[i];
        }
    }

    private void scatter(double[] weights, double[] trainOut, double[] genOut, int first, int n) {
        for (int l = 0; l < n; l++) {
            int i = first + l;
            int base = i * parameters;
            for (int e = 0; e < parameters; e++) {
                weights[base + e] = current[e * L + l];
            }
            trainOut[i] = train[l];
            genOut[i] = gen[l];
        }
    }
}
