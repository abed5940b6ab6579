package gnc.kernel.splitting;

import java.util.SplittableRandom;

/**
 * What the splitting estimator needs of a prior and a score: exact prior draws, and a Markov step
 * that leaves the prior restricted to {L_train &lt; level} invariant at every level (a
 * prior-reversible proposal, accepted exactly when its L_train is below the level).
 *
 * <p>States live in a caller-owned flat array, state i at states[i * stateSize() ..], with its
 * L_train in train[i] and its L_gen in gen[i] (any second score whose restricted mean is wanted).
 */
public interface ConstrainedPrior {
    /** Doubles per state: the stride of the state array. */
    int stateSize();

    /** Draws state i from the prior and stores it with its scores. */
    void drawPrior(SplittableRandom rng, double[] states, double[] train, double[] gen, int i);

    /**
     * One step of state i, in place, under L_train &lt; level (state i must lie below it): the
     * proposal, with correlation rho to the current state, when its L_train is below the level, else
     * the state unchanged. Returns whether the proposal was accepted.
     */
    boolean step(SplittableRandom rng, double[] states, double[] train, double[] gen, int i, double level,
                 double rho);

    /**
     * moves steps of each of states 0 .. count under L_train &lt; level; returns the accepted
     * proposals. By default state by state, each moved moves times in a row; a space may move
     * several states at once, in its own order of random numbers.
     */
    default long sweep(SplittableRandom rng, double[] states, double[] train, double[] gen, int count,
                       double level, double rho, int moves) {
        long accepted = 0;
        for (int i = 0; i < count; i++) {
            for (int t = 0; t < moves; t++) {
                if (step(rng, states, train, gen, i, level, rho)) {
                    accepted++;
                }
            }
        }
        return accepted;
    }
}
