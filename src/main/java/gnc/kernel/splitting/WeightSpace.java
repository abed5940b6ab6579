package gnc.kernel.splitting;

import gnc.kernel.ConditionalSampler;
import gnc.kernel.Factorization;
import gnc.kernel.GncSettings;
import gnc.kernel.ProblemInstance;
import java.util.SplittableRandom;

/**
 * The G&amp;C prior over the full weights of a factorization, moved by {@link ConditionalSampler}
 * (pCN for the Gaussian prior, the folded walk for the uniform one): a state is every weight of
 * every layer, so it serves every prior, activation and normalization. One instance per thread.
 */
public final class WeightSpace implements ConstrainedPrior {
    private final ConditionalSampler sampler;

    public WeightSpace(ProblemInstance problem, Factorization model, GncSettings gnc) {
        this.sampler = new ConditionalSampler(problem, model, gnc);
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
}
