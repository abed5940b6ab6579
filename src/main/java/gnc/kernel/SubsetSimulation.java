package gnc.kernel;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Subset simulation (Au &amp; Beck 2001) of P(L_train &lt; eps) under the G&amp;C prior, and of the
 * G&amp;C posterior mean of L_gen, for eps far below what plain G&amp;C reaches (it needs ~1/P draws).
 *
 * <p>P is written as a product of conditional probabilities over decreasing levels
 * b_0 = infinity &gt; b_1 &gt; ... &gt; b_m &gt; eps:
 * P = prod_{i&lt;m} P(L &lt; b_{i+1} | L &lt; b_i) * P(L &lt; eps | L &lt; b_m). Level 0 holds N iid
 * prior draws. At level i, if at least Nc = p0 N states lie below eps, or the levels ran out,
 * level i is the final level m and P(L &lt; eps | L &lt; b_m) is estimated by that fraction
 * N_F / N. Otherwise b_{i+1} is the midpoint between the Nc-th smallest L_train and the next
 * larger one, and the S_i states below it (S_i = Nc unless repeated states tie there) are the
 * seeds, each distributed as the prior conditioned on L &lt; b_{i+1}; from each seed a Markov
 * chain runs under {@link ConditionalSampler}, which leaves that conditional law invariant, until
 * the chains hold N states (about 1/p0 each, seed included): level i + 1. Hence
 * P is estimated by prod_i (S_i / N) * N_F / N (= p0^m N_F / N without ties), and the N_F final
 * states below eps are (correlated) draws from P(W | L_train &lt; eps), the G&amp;C posterior.
 *
 * <p>Bias: the estimate is consistent but has an O(1/N) bias, because the levels are chosen from
 * the samples they then estimate and the seeds of a level are correlated with the previous
 * estimate; the validation tests bound it in practice. The chains must also mix within each level:
 * they start in the target law (the seeds), so poor mixing costs variance (recorded as
 * {@link SubsetResult#correlationFactors()}), but mass that the levels shift between regions the
 * chains cannot cross would bias the result; comparing with plain G&amp;C where both run checks it.
 *
 * <p>Adaptation (Papaioannou, Betz, Zwirglmaier, Straub 2015, adaptive conditional sampling):
 * the move's spread sigma = sqrt(1 - rho^2) is min(1, lambda). A level's chains run in up to 10
 * groups; after group g (counted from 1 within the level) with acceptance rate a,
 * lambda &lt;- min(1, lambda exp((a - target) / sqrt(g))). lambda starts at sqrt(1 - initialRho^2)
 * and carries over from level to level. A chain's move is fixed before it starts, so every chain
 * still leaves its level's law invariant.
 *
 * <p>Deterministic given the stream: the random numbers are drawn in one fixed order (the N prior
 * draws in order, as {@link GncSampler} would, then each level's chains in order). Workspaces are
 * allocated once per instance and reused by every run; a MCMC step allocates nothing. One instance
 * per thread.
 */
public final class SubsetSimulation {
    /** Adaptation updates per level (Papaioannou et al. use groups of 10% of the chains). */
    static final int ADAPTATION_GROUPS = 10;

    private final ConditionalSampler sampler;
    private final SubsetSettings settings;
    private final int n;
    private final int chains;
    private final int parameters;
    private double[] weights;
    private double[] train;
    private double[] gen;
    private double[] nextWeights;
    private double[] nextTrain;
    private double[] nextGen;
    private final double[] sorted;

    public SubsetSimulation(ProblemInstance problem, Factorization model, GncSettings gnc, SubsetSettings settings) {
        this.sampler = new ConditionalSampler(problem, model, gnc);
        this.settings = settings;
        this.n = settings.samplesPerLevel();
        this.chains = settings.chains();
        this.parameters = sampler.parameterCount();
        this.weights = new double[n * parameters];
        this.train = new double[n];
        this.gen = new double[n];
        this.nextWeights = new double[n * parameters];
        this.nextTrain = new double[n];
        this.nextGen = new double[n];
        this.sorted = new double[n];
    }

    /** One replica: estimates P(L_train &lt; eps) and the posterior L_gen from the stream rng. */
    public SubsetResult run(double eps, SplittableRandom rng) {
        if (!(eps > 0)) {
            throw new IllegalArgumentException("eps must be > 0, got " + eps);
        }
        int maxLevels = settings.maxLevels();
        double[] thresholds = new double[maxLevels];
        double[] acceptance = new double[maxLevels];
        double[] rhos = new double[maxLevels];
        double[] gammas = new double[maxLevels];

        for (int i = 0; i < n; i++) {
            sampler.drawPrior(rng, weights, train, gen, i);
        }
        long evaluations = n;
        double probability = 1.0;
        double lambda = Math.sqrt(1 - settings.initialRho() * settings.initialRho());
        double cvSquared = 0;
        int moves = settings.movesPerState();
        // Level 0 is N independent chains of one state.
        int levelChains = n;
        int level = 0;
        while (true) {
            int below = countBelow(train, eps);
            if (below >= chains || level == maxLevels) {
                double gamma = ChainCorrelation.factor(train, n, levelChains, eps);
                if (level > 0) {
                    gammas[level - 1] = gamma;
                }
                cvSquared += ChainCorrelation.cvSquared((double) below / n, n, gamma);
                double genSum = 0;
                double genSumSq = 0;
                for (int i = 0; i < n; i++) {
                    if (train[i] < eps) {
                        genSum += gen[i];
                        genSumSq += gen[i] * gen[i];
                    }
                }
                return new SubsetResult(probability * below / n, Math.sqrt(cvSquared),
                        Arrays.copyOf(thresholds, level), Arrays.copyOf(acceptance, level), Arrays.copyOf(rhos, level),
                        Arrays.copyOf(gammas, level), below, genSum, genSumSq, evaluations,
                        below < chains);
            }
            double next = nextThreshold();
            int seeds = countBelow(train, next);
            double gamma = ChainCorrelation.factor(train, n, levelChains, next);
            if (level > 0) {
                gammas[level - 1] = gamma;
            }
            cvSquared += ChainCorrelation.cvSquared((double) seeds / n, n, gamma);
            probability *= (double) seeds / n;

            int seed = 0;
            for (int i = 0; i < n; i++) {
                if (train[i] < next) {
                    int to = ChainCorrelation.start(n, seeds, seed);
                    System.arraycopy(weights, i * parameters, nextWeights, to * parameters, parameters);
                    nextTrain[to] = train[i];
                    nextGen[to] = gen[i];
                    seed++;
                }
            }
            long accepted = 0;
            double rhoSum = 0;
            int groups = Math.min(ADAPTATION_GROUPS, seeds);
            for (int g = 0; g < groups; g++) {
                double sigma = Math.min(1.0, lambda);
                double rho = Math.sqrt(1 - sigma * sigma);
                int first = (int) ((long) g * seeds / groups);
                int end = (int) ((long) (g + 1) * seeds / groups);
                long groupAccepted = 0;
                long groupProposals = 0;
                for (int c = first; c < end; c++) {
                    int start = ChainCorrelation.start(n, seeds, c);
                    int length = ChainCorrelation.length(n, seeds, c);
                    for (int l = 1; l < length; l++) {
                        // The state after `moves` steps from the previous one is recorded.
                        for (int t = 0; t < moves; t++) {
                            int from = t == 0 ? start + l - 1 : start + l;
                            if (sampler.step(rng, nextWeights, nextTrain, nextGen, from, start + l, next, rho)) {
                                groupAccepted++;
                            }
                        }
                    }
                    groupProposals += (long) (length - 1) * moves;
                }
                if (groupProposals > 0) {
                    double rate = (double) groupAccepted / groupProposals;
                    lambda = Math.min(1.0, lambda * Math.exp((rate - settings.targetAcceptance()) / Math.sqrt(g + 1)));
                }
                accepted += groupAccepted;
                rhoSum += rho * groupProposals;
            }
            long proposals = (long) (n - seeds) * moves;
            thresholds[level] = next;
            acceptance[level] = (double) accepted / proposals;
            rhos[level] = rhoSum / proposals;
            evaluations += proposals;
            swapLevels();
            levelChains = seeds;
            level++;
        }
    }

    /**
     * The next level: the midpoint between the Nc-th smallest L_train of the level and the next
     * larger value, so that at least Nc states lie below it (more when states repeated by rejected
     * moves tie at the Nc-th value; all copies of a state then fall on the same side).
     */
    private double nextThreshold() {
        System.arraycopy(train, 0, sorted, 0, n);
        Arrays.sort(sorted);
        double lo = sorted[chains - 1];
        int above = chains;
        while (above < n && !(sorted[above] > lo)) {
            above++;
        }
        if (above == n) {
            throw new IllegalStateException("L_train ties from the level's p0-quantile (" + lo
                    + ") to its largest value: the chains did not move, no level separates them");
        }
        double hi = sorted[above];
        double mid = lo + (hi - lo) / 2;
        // Adjacent doubles have no midpoint strictly above lo; then hi itself separates them.
        return mid > lo ? mid : hi;
    }

    private static int countBelow(double[] values, double limit) {
        int c = 0;
        for (double v : values) {
            if (v < limit) {
                c++;
            }
        }
        return c;
    }

    private void swapLevels() {
        double[] t = weights;
        weights = nextWeights;
        nextWeights = t;
        t = train;
        train = nextTrain;
        nextTrain = t;
        t = gen;
        gen = nextGen;
        nextGen = t;
    }
}
