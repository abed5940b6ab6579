package gnc.kernel.splitting;

import gnc.kernel.ConditionalSampler;
import gnc.kernel.Factorization;
import gnc.kernel.GncSettings;
import gnc.kernel.LaneConditionalSampler;
import gnc.kernel.ProblemInstance;
import java.util.SplittableRandom;

/**
 * The G&amp;C prior over the full weights of a factorization, moved by {@link ConditionalSampler}
 * (pCN for the Gaussian prior, the folded walk for the uniform one): a state is every weight of
 * every layer, so it serves every prior, activation and normalization. Where
 * {@link #movesInLanes} (the Gaussian prior at the lane kernel's widths) a sweep moves eight states
 * at once ({@link LaneConditionalSampler}: the same law, other random numbers). One instance per
 * thread.
 */
public final class WeightSpace implements ConstrainedPrior {
    private final ConditionalSampler sampler;
    private final LaneConditionalSampler lanes;

    public WeightSpace(ProblemInstance problem, Factorization model, GncSettings gnc) {
        this.sampler = new ConditionalSampler(problem, model, gnc);
        this.lanes = movesInLanes(model, gnc) ? new LaneConditionalSampler(problem, model, gnc) : null;
    }

    /** Whether sweeps move states in lanes: part of a replica's stream identity. */
    public static boolean movesInLanes(Factorization model, GncSettings gnc) {
        return LaneConditionalSampler.applies(model, gnc.prior());
    }

    @Override
    public int stateSize() {
        return sampler.parameterCount();
    }

    @Override
    public void drawPrior(SplittableRandom rng, double[] states, double[] train, double[] gen, int i) {
        sampler.drawPrior(rng, states, train, gen, i);
    }

    @Override
    public boolean step(SplittableRandom rng, double[] states, double[] train, double[] gen, int i, double level,
                        double rho) {
        return sampler.step(rng, states, train, gen, i, i, level, rho);
    }

    @Override
    public long sweep(SplittableRandom rng, double[] states, double[] train, double[] gen, int count, double level,
                      double rho, int moves) {
        if (lanes == null) {
            return ConstrainedPrior.super.sweep(rng, states, train, gen, count, level, rho, moves);
        }
        return lanes.sweep(rng, states, train, gen, count, level, rho, moves);
    }
}
