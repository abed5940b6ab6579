package gnc.kernel.splitting;

import gnc.kernel.Prior;
import java.util.SplittableRandom;

/**
 * A test prior with closed forms: x ~ N(0, I_d), L_train = |x|^2 (chi-square with d degrees of
 * freedom) and L_gen = x_0^2, moved by pCN (x' = rho x + sqrt(1 - rho^2) xi, which leaves N(0, I)
 * invariant), accepted when |x'|^2 is below the level. Then
 * P(L_train &lt; l) = F_d(l) and E[x_0^2 1{|x|^2 &lt; l}] = E[|x|^2 1{|x|^2 &lt; l}] / d = F_{d+2}(l)
 * (the chi-square density satisfies x f_d(x) = d f_{d+2}(x)), F_k the chi-square CDF. Like the
 * paper's problems, P falls as l^(d/2) as l -&gt; 0.
 */
final class GaussianBall implements ConstrainedPrior {
    private final int d;
    private final double[] proposal;

    GaussianBall(int d) {
        this.d = d;
        this.proposal = new double[d];
    }

    @Override
    public int stateSize() {
        return d;
    }

    @Override
    public void drawPrior(SplittableRandom rng, double[] states, double[] train, double[] gen, int i) {
        for (int j = 0; j < d; j++) {
            proposal[j] = Prior.GAUSS.draw(rng);
        }
        store(states, train, gen, i);
    }

    @Override
    public boolean step(SplittableRandom rng, double[] states, double[] train, double[] gen, int i, double level,
                        double rho) {
        double sigma = Math.sqrt(1 - rho * rho);
        for (int j = 0; j < d; j++) {
            proposal[j] = rho * states[i * d + j] + sigma * Prior.GAUSS.draw(rng);
        }
        if (squaredNorm() < level) {
            store(states, train, gen, i);
            return true;
        }
        return false;
    }

    private double squaredNorm() {
        double s = 0;
        for (double v : proposal) {
            s += v * v;
        }
        return s;
    }

    private void store(double[] states, double[] train, double[] gen, int i) {
        System.arraycopy(proposal, 0, states, i * d, d);
        train[i] = squaredNorm();
        gen[i] = proposal[0] * proposal[0];
    }

    /**
     * The chi-square CDF with an even number k = 2a of degrees of freedom:
     * P(chi^2_k &lt; x) = e^{-y} sum_{j &gt;= a} y^j / j! with y = x / 2 (the Poisson tail; positive
     * terms, so no cancellation at small x).
     */
    static double cdf(int k, double x) {
        if (k % 2 != 0 || k < 2) {
            throw new IllegalArgumentException("even degrees of freedom >= 2 only, got " + k);
        }
        int a = k / 2;
        double y = x / 2;
        double logTerm = -y + a * Math.log(y);
        for (int j = 2; j <= a; j++) {
            logTerm -= Math.log(j);
        }
        double term = Math.exp(logTerm);
        double sum = 0;
        for (int j = a; term > 1e-18 * sum; j++) {
            sum += term;
            term *= y / (j + 1);
        }
        return sum;
    }
}
