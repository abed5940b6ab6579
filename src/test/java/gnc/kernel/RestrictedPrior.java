package gnc.kernel;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Exact draws from the G&C prior restricted to L_train &lt; level, and the reference W of flat
 * weights: the oracles of the constrained-chain tests (ConditionalSamplerTest,
 * LaneConditionalSamplerTest).
 */
final class RestrictedPrior {
    private RestrictedPrior() {
    }

    /** The 5% quantile of L_train under the prior, from 20,000 prior draws of rng. */
    static double fivePercentQuantile(ConditionalSampler sampler, SplittableRandom rng) {
        double[] pilot = new double[20_000];
        double[] one = new double[sampler.parameterCount()];
        double[] t = new double[1];
        double[] g = new double[1];
        for (int i = 0; i < pilot.length; i++) {
            sampler.drawPrior(rng, one, t, g, 0);
            pilot[i] = t[0];
        }
        Arrays.sort(pilot);
        return pilot[pilot.length / 20];
    }

    /** Draws state i by rejection: prior draws until one has L_train below the level. */
    static void drawBelow(ConditionalSampler sampler, SplittableRandom rng, double level, double[] weights,
                          double[] train, double[] gen, int i) {
        do {
            sampler.drawPrior(rng, weights, train, gen, i);
        } while (!(train[i] < level));
    }

    /**
     * W of the flat weights at weights[from ..] (ForwardPass's layout) by the reference product,
     * normalized as G&amp;C normalizes (W / (||W||_F + default softening)) if asked.
     */
    static double[] product(Factorization f, double[] weights, int from, boolean normalize) {
        ForwardPass pass = new ForwardPass(f);
        double[][] layers = new double[f.depth()][];
        for (int j = 1; j <= f.depth(); j++) {
            layers[j - 1] = Arrays.copyOfRange(weights, from + pass.offset(j), from + pass.offset(j + 1));
        }
        double[] w = f.product(layers);
        if (normalize) {
            double norm = Math.sqrt(Arrays.stream(w).map(x -> x * x).sum());
            for (int j = 0; j < w.length; j++) {
                w[j] /= norm + GncSettings.DEFAULT_SOFTENING;
            }
        }
        return w;
    }
}
