package gnc.kernel;

import java.util.SplittableRandom;

/**
 * {@link GramSampler}'s construction of W from explicit Gaussian parameters, for methods that
 * keep and move them (MCMC). A state holds, in GramSampler's draw order, the k m' entries of W_1,
 * then Z_j (k x m') for each 1 &lt; j &lt; d, then Z (m x m'): (d - 1) k m' + m m' doubles, every
 * entry independent N(0, s^2) with s = 1/sqrt(k) (W_1 and the Z_j) or 1/sqrt(m) (the last Z).
 * W(state) has the G&amp;C prior's law (GramSampler's proof); the state is iid Gaussian, so the
 * pCN move state' = rho state + sqrt(1 - rho^2) xi (xi a fresh state) is reversible with respect
 * to its law. A state drawn from a stream fills the entries in GramSampler's order with its
 * scales, and W(state) repeats GramSampler's arithmetic, so it equals GramSampler's W from the
 * same stream bit for bit. Needs the Gaussian prior and k &gt;= m' (as GramSampler); any
 * activation, linear included. One instance per thread; nothing is allocated after construction.
 */
public final class GramForward {
    private final int rows;
    private final int cols;
    private final int width;
    private final int depth;
    private final Activation activation;
    private final double invSqrtWidth;
    private final double invSqrtRows;
    private final int hiddenEnd;
    private final int size;
    private final double[] hidden;
    private final GramFactor gramFactor;

    public GramForward(Factorization model) {
        String reason = SamplerKind.reducedInexactReason(model, Prior.GAUSS);
        if (reason != null) {
            throw new IllegalArgumentException("the reduced parameters are not exact here: " + reason);
        }
        this.rows = model.rows();
        this.cols = model.cols();
        this.width = model.width();
        this.depth = model.depth();
        this.activation = model.activation();
        this.invSqrtWidth = 1.0 / Math.sqrt(width);
        this.invSqrtRows = 1.0 / Math.sqrt(rows);
        long hidden = (long) (depth - 1) * width * cols;
        long total = hidden + (long) rows * cols;
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a state of " + total + " doubles does not fit one Java array: lower width or depth");
        }
        this.hiddenEnd = (int) hidden;
        this.size = (int) total;
        this.hidden = new double[width * cols];
        this.gramFactor = new GramFactor(cols);
    }

    /** Doubles per state: (d - 1) k m' + m m'. */
    public int stateSize() {
        return size;
    }

    /** Doubles per state for a model, as a long (see the class comment); needs no instance. */
    public static long stateSize(Factorization model) {
        return (long) (model.depth() - 1) * model.width() * model.cols() + (long) model.rows() * model.cols();
    }

    /** Fills state[offset ..] with a prior draw in GramSampler's order and scales. */
    public void drawPrior(SplittableRandom rng, double[] state, int offset) {
        for (int i = 0; i < size; i++) {
            state[offset + i] = (i < hiddenEnd ? invSqrtWidth : invSqrtRows) * Ziggurat.next(rng);
        }
    }

    /**
     * Writes the pCN proposal from state[fromOffset ..] into to[0 .. stateSize()): rho times the
     * state plus sqrt(1 - rho^2) times a fresh prior draw (drawn in {@link #drawPrior}'s order).
     */
    public void propose(double[] state, int fromOffset, double[] to, double rho, SplittableRandom rng) {
        if (!(rho >= 0 && rho < 1)) {
            throw new IllegalArgumentException("rho must be in [0, 1), got " + rho);
        }
        double sigma = Math.sqrt(1.0 - rho * rho);
        for (int i = 0; i < size; i++) {
            double s = i < hiddenEnd ? invSqrtWidth : invSqrtRows;
            to[i] = rho * state[fromOffset + i] + sigma * (s * Ziggurat.next(rng));
        }
    }

    /** Writes W (row-major m x m') of the state at state[offset ..] into w. */
    public void compute(double[] state, int offset, double[] w) {
        int n = width * cols;
        System.arraycopy(state, offset, hidden, 0, n);
        activation.applyInPlace(hidden, n);
        for (int j = 2; j < depth; j++) {
            gramFactor.factorGramOf(hidden, width);
            System.arraycopy(state, offset + (j - 1) * n, hidden, 0, n);
            gramFactor.timesFactorTransposed(hidden, width);
            activation.applyInPlace(hidden, n);
        }
        gramFactor.factorGramOf(hidden, width);
        System.arraycopy(state, offset + hiddenEnd, w, 0, rows * cols);
        gramFactor.timesFactorTransposed(w, rows);
    }
}
