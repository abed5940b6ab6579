package gnc.kernel.splitting;

import gnc.kernel.Factorization;
import gnc.kernel.GncSettings;
import gnc.kernel.ProblemInstance;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An unbiased splitting estimator of the curve eps -&gt; P(L_train &lt; eps) under the G&amp;C prior,
 * and of eps -&gt; E[L_gen 1{L_train &lt; eps}] (the G&amp;C mean at eps is their ratio), at every eps
 * of an {@link EpsGrid}, one replica per random stream.
 *
 * <p><b>The estimating run</b> (a Fleming-Viot particle system, the splitting form of Cerou &amp;
 * Guyader 2007 with the tie rule of Brehier, Gazeau, Goudenege, Lelievre &amp; Rousset 2016).
 * N particles start as prior draws. A level l descends from +infinity; when it reaches the
 * largest L_train, the K particles at that value die together and each is replaced by a copy of a
 * survivor chosen uniformly; at each rung u_1 &gt; u_2 &gt; ... (fixed in advance, see the pilot)
 * every particle makes m MCMC moves that leave the prior restricted to {L_train &lt; u_r}
 * invariant ({@link ConstrainedPrior}). When the level passes a grid eps,
 * <pre>
 *   P^(eps) = prod over the kills j at levels &gt;= eps of (1 - K_j / N),
 *   G^(eps) = P^(eps) * (1/N) sum_i L_gen(X_i),
 * </pre>
 * and E[P^(eps)] = P(L_train &lt; eps), E[G^(eps)] = E[L_gen 1{L_train &lt; eps}] exactly, for any N,
 * any rungs and however badly the moves mix. Why: between kills every particle follows one fixed
 * Markov process Y in level time (frozen between rungs, moved by the restricted-prior kernel at
 * each rung) that is killed when the level passes its L_train; since each move preserves the
 * restricted prior and killing restricts it further, P(Y alive at l) = P(L_train &lt; l) and
 * E[phi(Y_l); alive] = E[phi(X) 1{L_train(X) &lt; l}]. For h(x) = E[phi(Y_end); alive | Y_l = x],
 * P^ times the particles' mean of h is a martingale in l (each particle's h is one between kills;
 * a kill of K particles, where h = 0, replaced by copies of survivors whose h sums to S, changes
 * it in expectation from S / N to (1 - K/N)(S + K S / (N - K)) / N = S / N), which is the
 * unbiasedness of Fleming-Viot estimators (Del Moral 2004; Cerou, Delyon, Guyader &amp; Rousset
 * 2020). When all N tie, the run is extinct and the estimates below are 0, which keeps the
 * expectation (the tie rule). Mixing sets only the variance: with exact conditional resampling
 * the kill count M(eps) is Poisson with mean -N ln P, P^ ~ (1 - 1/N)^M (the last-particle form)
 * and Var(ln P^) ~ -ln P / N; {@link SplittingEstimate} compares the replicas' spread with that.
 *
 * <p><b>Why not the usual static AMS</b>, in which only the new copies are moved: with an MCMC
 * kernel that does not mix perfectly a copy stays correlated with its parent and the estimate is
 * biased (the unbiasedness proofs cover the dynamic setting, where a copy resamples a path's future
 * from the true dynamics, and exact resampling: Brehier, Lelievre &amp; Rousset 2015). Measured on
 * X ~ U[0, 1], L = X, random-walk Metropolis with step 0.3 times the level, 3 moves per copy,
 * k = 1: +22% at P = 1e-3 with N = 10 and +2.3% with N = 100 (z = 95 and 21 over 1e6 and 2e5
 * replicas), an O(1/N) bias like subset simulation's; this scheme with the same kernel at N = 10:
 * within 0.03% (|z| &lt; 1.6 over 1e7 replicas).
 *
 * <p><b>The pilot</b> ({@link Pilot}) fixes the rungs and the moves' rho from its own stream
 * (rng.split()) before the estimating run draws anything: levels chosen from the particles that
 * they then score would make the process depend on them (subset simulation's O(1/N) bias).
 * Its rungs kill about f N particles each, so f N plays the part of AMS's k.
 *
 * <p><b>Cost</b>: N prior draws and N m evaluations per rung; with R rungs ~ -ln P(epsMin) /
 * -ln(1 - f), about N (1 + m R) plus the pilot's (pilotParticles / N of it). A kill costs no
 * evaluation (a copy of one state). <b>Memory</b>: the N states and their losses, see
 * {@link SplittingMemory}.
 *
 * <p>Deterministic: a replica is a pure function of its stream. One instance per thread; runs
 * reuse its arrays.
 */
public final class Splitting {
    private final SplittingSettings settings;
    private final EpsGrid grid;
    private final double[] eps;
    private final Population population;

    public Splitting(ConstrainedPrior prior, SplittingSettings settings, EpsGrid grid) {
        this.settings = settings;
        this.grid = grid;
        this.eps = grid.values();
        this.population = new Population(prior, Math.max(settings.particles(), settings.pilotParticles()));
    }

    /**
     * Splitting of G&amp;C on the problem, in {@link #space}; a shape whose states cannot be held at
     * all is refused first ({@link SplittingMemory#check} without a budget: the caller checks its
     * own budget there).
     */
    public Splitting(ProblemInstance problem, Factorization model, GncSettings gnc, SplittingSettings settings,
                     EpsGrid grid) {
        this(checkedSpace(problem, model, gnc, settings, grid), settings, grid);
    }

    /**
     * The space the particles live in: the reduced sampler's Gaussian parameters ({@link GramSpace})
     * or the full weights ({@link WeightSpace}), chosen from gnc's sampler and the shape as
     * {@link SplittingMemory#reduced} says. The two consume the stream differently, so the choice
     * belongs to a replica's stream identity, as the resolved sampler does for plain G&amp;C.
     */
    public static ConstrainedPrior space(ProblemInstance problem, Factorization model, GncSettings gnc) {
        return SplittingMemory.reduced(model, gnc) ? new GramSpace(problem, model, gnc)
                : new WeightSpace(problem, model, gnc);
    }

    private static ConstrainedPrior checkedSpace(ProblemInstance problem, Factorization model, GncSettings gnc,
                                                 SplittingSettings settings, EpsGrid grid) {
        SplittingMemory.check(model, gnc, settings, grid, Long.MAX_VALUE);
        return space(problem, model, gnc);
    }

    /** One replica from the stream rng (its pilot from rng.split(), then the estimating run from rng). */
    public SplittingResult run(SplittableRandom rng) {
        Ladder ladder = Pilot.run(population, settings, grid.epsMin(), rng.split());
        int n = settings.particles();
        int moves = settings.movesPerRung();
        int points = eps.length;
        double[] probability = new double[points];
        double[] genMass = new double[points];
        long[] kills = new long[points];
        Arrays.fill(probability, Double.NaN);
        Arrays.fill(genMass, Double.NaN);
        Arrays.fill(kills, -1);

        population.drawPrior(rng, n);
        long evaluations = n;
        long accepted = 0;
        double product = 1.0;
        long killed = 0;
        int next = 0;
        int rung = 0;
        double extinction = Double.NaN;
        double max = population.maxTrain();
        while (next < points) {
            boolean rungsLeft = rung < ladder.size();
            // Past a budget-cut ladder's last rung only the points above every particle are known.
            boolean stop = !rungsLeft && ladder.end() == Ladder.End.BUDGET;
            double rungLevel = rungsLeft ? ladder.level(rung) : Double.NEGATIVE_INFINITY;
            double event = stop ? max : Math.max(max, rungLevel);
            double genMean = next < points && eps[next] > event ? population.genSum() / n : Double.NaN;
            while (next < points && eps[next] > event) {
                probability[next] = product;
                genMass[next] = product * genMean;
                kills[next] = killed;
                next++;
            }
            if (stop || next == points) {
                break;
            }
            if (max >= rungLevel) {
                int dead = population.killFrom(max, rng);
                if (dead == n) {
                    extinction = max;
                    for (; next < points; next++) {
                        probability[next] = 0.0;
                        genMass[next] = 0.0;
                        kills[next] = killed + n;
                    }
                    break;
                }
                product *= (double) (n - dead) / n;
                killed += dead;
            } else {
                accepted += population.sweep(rng, rungLevel, ladder.rho(rung), moves);
                evaluations += (long) n * moves;
                rung++;
            }
            max = population.maxTrain();
        }
        double acceptance = rung == 0 ? Double.NaN : (double) accepted / ((long) rung * n * moves);
        return new SplittingResult(eps, next, probability, genMass, kills, evaluations + ladder.pilotEvaluations(),
                ladder.pilotEvaluations(), rung, acceptance, ladder.end(), extinction);
    }
}
