package gnc.kernel;

import java.util.SplittableRandom;

/**
 * A Markov move on flat weights (in {@link ForwardPass}'s layout) that leaves the G&amp;C prior
 * invariant and is reversible with respect to it, with one parameter rho in [0, 1): rho near 1
 * stays close, rho = 0 is a fresh independent prior draw. Let sigma = sqrt(1 - rho^2), and let
 * xi be a fresh prior draw of the same weights (each entry s_j D, s_j its layer's scale,
 * {@link Factorization#priorScale}).
 *
 * <p><b>Gaussian prior: preconditioned Crank-Nicolson.</b> W' = rho W + sigma xi entry by entry.
 * In units of the layer's scale, z' = rho z + sigma e with e ~ N(0, 1): if z ~ N(0, 1) then
 * (z, z') is a centred Gaussian pair with unit variances and correlation rho, which is symmetric
 * in (z, z'); so the move is reversible with respect to N(0, 1) and E[z z'] = rho.
 *
 * <p><b>Uniform prior: a folded random walk.</b> In units of the scale, u in [-1, 1] moves to
 * u' = fold(u + 2 sigma e) with e ~ U[-1, 1], where fold reflects at +-1 (the 4-periodic map
 * that is the identity on [-1, 1] and sends y to 2 - y on [1, 3]). Its proposal density is
 * q(u, v) = sum over the preimages y of v of f(y - u), f the increment's (even) density; the
 * preimages are v + 4k and 2 - v + 4k, so q(u, v) = sum_k f(v - u + 4k) + f(2 - u - v + 4k).
 * The first sum is unchanged by swapping u and v (f even, k -> -k), the second is symmetric as
 * written: q is symmetric, so a Metropolis step toward the uniform law would accept every
 * proposal, i.e. the move itself is reversible with respect to U[-1, 1]. At sigma = 1 the
 * increment is uniform over one whole period (length 4), and fold maps each half-period onto
 * [-1, 1] preserving length, so u' is uniform and independent of u, as for pCN at rho = 0. Since
 * |u| <= 1 and |2 sigma e| <= 2, one reflection suffices.
 *
 * <p>Each entry moves independently with its own noise, so the product prior is invariant too.
 * Constraining to L_train &lt; b by rejecting proposals that leave the set (Metropolis-Hastings
 * with a prior-reversible proposal) leaves the prior conditioned on that set invariant.
 */
public final class PriorMove {
    private final Prior prior;
    private final ForwardPass pass;
    private final int depth;
    private final double[] scales;
    private final double[] noise;

    public PriorMove(ForwardPass pass, Prior prior) {
        this.pass = pass;
        this.prior = prior;
        Factorization model = pass.model();
        this.depth = model.depth();
        this.scales = new double[depth + 1];
        for (int j = 1; j <= depth; j++) {
            scales[j] = model.priorScale(j);
        }
        this.noise = new double[pass.parameterCount()];
    }

    /**
     * Writes the proposal from the weights at from[fromOffset ..] into to[0 .. parameterCount).
     * Draws one prior draw of all weights from rng ({@link ForwardPass#drawPrior}'s order).
     */
    public void propose(double[] from, int fromOffset, double[] to, double rho, SplittableRandom rng) {
        if (!(rho >= 0 && rho < 1)) {
            throw new IllegalArgumentException("rho must be in [0, 1), got " + rho);
        }
        double sigma = Math.sqrt(1.0 - rho * rho);
        pass.drawPrior(prior, rng, noise);
        int count = noise.length;
        if (prior == Prior.GAUSS) {
            for (int i = 0; i < count; i++) {
                to[i] = rho * from[fromOffset + i] + sigma * noise[i];
            }
            return;
        }
        double step = 2.0 * sigma;
        for (int j = 1; j <= depth; j++) {
            double s = scales[j];
            for (int i = pass.offset(j); i < pass.offset(j + 1); i++) {
                double y = from[fromOffset + i] + step * noise[i];
                if (y > s) {
                    y = 2.0 * s - y;
                } else if (y < -s) {
                    y = -2.0 * s - y;
                }
                to[i] = y;
            }
        }
    }
}
