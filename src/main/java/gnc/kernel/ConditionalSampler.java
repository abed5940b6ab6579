package gnc.kernel;

import java.util.SplittableRandom;

/**
 * Markov chain Monte Carlo on the G&amp;C prior conditioned on L_train &lt; level: propose with
 * the prior-reversible {@link PriorMove}, accept exactly when the proposal's L_train is below the
 * level (Metropolis-Hastings for prior x 1{L_train &lt; level}: the prior terms cancel). W and the
 * losses are formed exactly as {@link GncSampler} forms them: the forward pass, then
 * {@link GncLosses} (with normalization W / (||W||_F + softening), then both losses).
 *
 * <p>States live in a caller-owned array, state i at weights[i * parameterCount() ..], with its
 * L_train and L_gen in train[i] and gen[i]. A step allocates nothing. One instance per thread.
 */
public final class ConditionalSampler {
    private final ForwardPass pass;
    private final PriorMove move;
    private final GncLosses losses;
    private final Prior prior;
    private final int parameters;
    private final double[] proposal;
    private final double[] w;

    public ConditionalSampler(ProblemInstance problem, Factorization model, GncSettings settings) {
        if (problem.rows() != model.rows() || problem.cols() != model.cols()) {
            throw new IllegalArgumentException("model shape " + model.rows() + " x " + model.cols()
                    + " does not match problem shape " + problem.rows() + " x " + problem.cols());
        }
        this.pass = new ForwardPass(model);
        this.move = new PriorMove(pass, settings.prior());
        this.losses = new GncLosses(problem, settings);
        this.prior = settings.prior();
        this.parameters = pass.parameterCount();
        this.proposal = new double[parameters];
        this.w = new double[problem.dimension()];
    }

    /** Weights per state: the stride of the state array. */
    public int parameterCount() {
        return parameters;
    }

    /**
     * Draws state i from the prior (the same draw as {@link GncSampler}'s from the same stream)
     * and stores it with its exact losses.
     */
    public void drawPrior(SplittableRandom rng, double[] weights, double[] train, double[] gen, int i) {
        pass.drawPrior(prior, rng, proposal);
        evaluate(Double.POSITIVE_INFINITY);
        store(weights, train, gen, i);
    }

    /**
     * One step from state {@code from} to state {@code to} under L_train &lt; level: the proposal
     * when its L_train is below the level, else a copy of state {@code from}. State {@code from}
     * must already lie below the level. Returns whether the proposal was accepted.
     */
    public boolean step(SplittableRandom rng, double[] weights, double[] train, double[] gen, int from, int to,
                        double level, double rho) {
        move.propose(weights, from * parameters, proposal, rho, rng);
        // L_train is exact below the cutoff, which is all the acceptance test needs.
        evaluate(level);
        if (losses.train() < level) {
            store(weights, train, gen, to);
            return true;
        }
        if (to != from) {
            System.arraycopy(weights, from * parameters, weights, to * parameters, parameters);
            train[to] = train[from];
            gen[to] = gen[from];
        }
        return false;
    }

    private void evaluate(double trainCutoff) {
        pass.compute(proposal, w);
        losses.evaluate(w, trainCutoff);
    }

    private void store(double[] weights, double[] train, double[] gen, int i) {
        System.arraycopy(proposal, 0, weights, i * parameters, parameters);
        train[i] = losses.train();
        gen[i] = losses.gen();
    }
}
