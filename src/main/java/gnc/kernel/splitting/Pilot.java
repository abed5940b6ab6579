package gnc.kernel.splitting;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The pilot of a splitting replica: a small adaptive run that fixes the estimating run's rungs
 * and moves (the {@link Ladder}) from its own random numbers, so that the estimating run's levels
 * and moves do not depend on the particles they then score (see {@link Splitting}).
 *
 * <p>It is adaptive multilevel splitting with every particle moved: from n prior draws, each rung
 * kills the particles at or above the k-th largest L_train (k = f n, rounded; ties die
 * together), replaces each by a copy of a uniformly chosen survivor, and moves every particle m
 * times at that level with spread sigma = sqrt(1 - rho^2). After the rung's sweep with acceptance
 * rate a, sigma &lt;- min(1, max(1e-6, sigma exp(a - target))) (Robbins-Monro on log sigma, as in
 * Papaioannou et al. 2015), and the rung is recorded with the updated sigma. It stops after the
 * first rung below epsMin, before a rung that would pass the evaluation budget (counting the
 * estimating run's N prior draws and N m evaluations per rung as well), or when every particle
 * ties at the k-th largest value.
 */
final class Pilot {
    /** The smallest spread: below it rho rounds to 1 and the move is the identity. */
    static final double MIN_SIGMA = 1e-6;

    private Pilot() {
    }

    static Ladder run(Population population, SplittingSettings s, double epsMin, SplittableRandom rng) {
        int n = s.pilotParticles();
        int kills = s.pilotKills();
        int moves = s.movesPerRung();
        population.drawPrior(rng, n);
        double[] scratch = new double[n];
        long pilotEvaluations = n;
        long mainEvaluations = s.particles();
        double sigma = Math.sqrt(1 - s.initialRho() * s.initialRho());
        double[] levels = new double[16];
        double[] rhos = new double[16];
        int rungs = 0;
        Ladder.End end;
        while (true) {
            double level = population.kthLargestTrain(kills, scratch);
            if (population.killFrom(level, rng) == n) {
                end = Ladder.End.EXTINCT;
                break;
            }
            if (pilotEvaluations + mainEvaluations + (long) (n + s.particles()) * moves > s.maxEvaluations()) {
                end = Ladder.End.BUDGET;
                break;
            }
            long accepted = population.sweep(rng, level, rho(sigma), moves);
            pilotEvaluations += (long) n * moves;
            mainEvaluations += (long) s.particles() * moves;
            double rate = (double) accepted / ((long) n * moves);
            sigma = Math.min(1.0, Math.max(MIN_SIGMA, sigma * Math.exp(rate - s.targetAcceptance())));
            if (rungs == levels.length) {
                levels = Arrays.copyOf(levels, 2 * rungs);
                rhos = Arrays.copyOf(rhos, 2 * rungs);
            }
            levels[rungs] = level;
            rhos[rungs] = rho(sigma);
            rungs++;
            if (level < epsMin) {
                end = Ladder.End.REACHED;
                break;
            }
        }
        return new Ladder(Arrays.copyOf(levels, rungs), Arrays.copyOf(rhos, rungs), end, pilotEvaluations);
    }

    static double rho(double sigma) {
        return Math.sqrt(1 - sigma * sigma);
    }
}
