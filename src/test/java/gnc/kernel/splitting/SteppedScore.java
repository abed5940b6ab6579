package gnc.kernel.splitting;

import java.util.SplittableRandom;

/**
 * A test prior whose L_train has atoms, so that particles tie: u ~ U[0, 1), L_train =
 * 1 + floor(4u) in {1, 2, 3, 4} and L_gen = u. The set {L_train &lt; l} is u &lt; c(l) with
 * c(l) = clamp(ceil(l) - 1, 0, 4) / 4, hence P(L_train &lt; l) = c(l) and
 * E[u 1{L_train &lt; l}] = c(l)^2 / 2. Two moves, both leaving the restricted law invariant:
 * {@code exact} redraws u uniformly on [0, c(level)) (exact conditional resampling), {@code stuck}
 * rejects every proposal (the identity), so that copies tie with their parents for ever.
 */
final class SteppedScore implements ConstrainedPrior {
    private final boolean exact;

    SteppedScore(boolean exact) {
        this.exact = exact;
    }

    static double cut(double level) {
        return Math.min(4, Math.max(0, Math.ceil(level) - 1)) / 4;
    }

    @Override
    public int stateSize() {
        return 1;
    }

    @Override
    public void drawPrior(SplittableRandom rng, double[] states, double[] train, double[] gen, int i) {
        store(rng.nextDouble(), states, train, gen, i);
    }

    @Override
    public boolean step(SplittableRandom rng, double[] states, double[] train, double[] gen, int i, double level,
                        double rho) {
        if (!exact) {
            return false;
        }
        store(cut(level) * rng.nextDouble(), states, train, gen, i);
        return true;
    }

    private static void store(double u, double[] states, double[] train, double[] gen, int i) {
        states[i] = u;
        train[i] = 1 + Math.floor(4 * u);
        gen[i] = u;
    }
}
