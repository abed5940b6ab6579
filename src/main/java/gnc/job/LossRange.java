package gnc.job;

import gnc.kernel.Activation;
import gnc.spec.JobSpec;
import gnc.spec.SpecException;
import gnc.spec.SweepPoint;
import java.util.Locale;

/**
 * Refuses, before anything runs, settings whose losses could not be summed: a block adds up to
 * 1e9 squared losses in doubles, so losses must stay far below 1e149. L_gen grows with the ground
 * truth's norm squared, and with leaky ReLU by (1 + s^2) / 2 per hidden layer (a layer's output has
 * E[sigma(x)^2] = (1 + s^2) / 2 E[x^2] for a centred Gaussian x, and the prior keeps E[x^2] from
 * layer to layer otherwise). Both are held to a factor of {@value #MAX_LOG10_GROWTH} decades of
 * L_gen; linear and tanh factorizations do not grow.
 */
final class LossRange {
    static final double MAX_GT_NORM = 1e30;
    static final double MAX_LOG10_GROWTH = 60;

    private LossRange() {
    }

    static void check(JobSpec spec) {
        if (spec.problem().generated() != null && spec.problem().generated().groundTruthNorm() > MAX_GT_NORM) {
            throw new SpecException("problem.gt_norm must be <= " + MAX_GT_NORM + " (L_gen grows as its square and"
                    + " squared losses are summed in doubles), got " + spec.problem().generated().groundTruthNorm());
        }
        Activation a = spec.activation();
        if (a.kind() != Activation.Kind.LEAKY_RELU) {
            return;
        }
        double perLayer = Math.log10((1 + a.negativeSlope() * a.negativeSlope()) / 2);
        for (SweepPoint p : spec.sweep().points()) {
            double growth = (p.depth() - 1) * perLayer;
            if (growth > MAX_LOG10_GROWTH) {
                double maxSlope = Math.sqrt(2 * Math.pow(10, MAX_LOG10_GROWTH / (p.depth() - 1)) - 1);
                throw new SpecException(String.format(Locale.ROOT, "model.negative_slope %s at depth %d makes L_gen"
                        + " grow like ((1 + s^2) / 2)^(depth - 1) = 1e%.0f, beyond what sums of squared losses hold:"
                        + " at depth %d use |model.negative_slope| <= %.4g, or depths <= %d", a.negativeSlope(),
                        p.depth(), growth, p.depth(), maxSlope, (int) (MAX_LOG10_GROWTH / perLayer) + 1));
            }
        }
    }
}
