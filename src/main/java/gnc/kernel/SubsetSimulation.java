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
 * <p>Bias and mixing: the estimate is consistent but has an O(1/N) bias, because each level is
 * chosen from the very samples that then estimate its probability (measured: about +1% of P at
 * N = 1000, see SubsetVsPlainGncTest). The chains start in their target law (the seeds), so slow
 * mixing within a level costs variance, not bias (recorded as
 * {@link SubsetResult#correlationFactors()}); but a region that holds little of the mass at the
 * upper levels and much of it at eps is reached by few seeds or none, which makes replicas
 * heavy-tailed: most underestimate, rare ones overshoot, and a finite set of replicas can miss
 * the region altogether. Comparing with plain G&amp;C where both run, and the replicas' spread
 * against Au &amp; Beck's CV, check this.
 *
 * <p>Adaptation (Papaioannou, Betz, Zwirglmaier, Straub 2015, adaptive conditional sampling):
 * the move's spread sigma = sqrt(1 - rho^2) is min(1, lambda). A level's chains run in up to 10
 * groups; after group g (counted from 1 within the level) with acceptance rate a,
 * lambda &lt;- min(1, lambda exp((a - target) / sqrt(g))). lambda starts at sqrt(1 - initialRho^2)
 * and carries over from level to level. A chain's move is fixed before it starts, so every chain
 * still leaves its level's law invariant.
 *
 * <p>Deterministic given the stream: the random numbers are drawn in one fixed order (the N prior
 * draws in order, as {@link GncSampler#scalar} would, then each level's chains in order). Workspaces are
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
    /** The adaptation's state (see the class comment) and the last level's counts. */
    private double lambda;
    private long levelAccepted;
    private double levelRhoSum;

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
        double cvSquared = 0;
        lambda = Math.sqrt(1 - settings.initialRho() * settings.initialRho());
        // Level 0 is N independent chains of one state.
        int levelChains = n;
        int level = 0;
        while (true) {
            int below = countBelow(train, eps);
            boolean last = below >= chains || level == maxLevels;
            // The level's fraction below the next threshold (eps at the last level), with its CV.
            double next = last ? eps : nextThreshold();
            int fraction = last ? below : countBelow(train, next);
            double gamma = ChainCorrelation.factor(train, n, levelChains, next);
            if (level > 0) {
                gammas[level - 1] = gamma;
            }
            cvSquared += ChainCorrelation.cvSquared((double) fraction / n, n, gamma);
            probability *= (double) fraction / n;
            if (last) {
                double genSum = 0;
                double genSumSq = 0;
                for (int i = 0; i < n; i++) {
                    if (train[i] < eps) {
                        genSum += gen[i];
                        genSumSq += gen[i] * gen[i];
                    }
                }
                return new SubsetResult(probability, Math.sqrt(cvSquared), Arrays.copyOf(thresholds, level),
                        Arrays.copyOf(acceptance, level), Arrays.copyOf(rhos, level), Arrays.copyOf(gammas, level),
                        below, genSum, genSumSq, evaluations, below < chains);
            }
            seedNextLevel(next, fraction);
            runChains(rng, next, fraction);
            long proposals = (long) (n - fraction) * settings.movesPerState();
            thresholds[level] = next;
            acceptance[level] = (double) levelAccepted / proposals;
            rhos[level] = levelRhoSum / proposals;
            evaluations += proposals;
            swapLevels();
            levelChains = fraction;
            level++;
        }
    }

    /** Copies the states below the next level, in index order, to the starts of the next level's chains. */
    private void seedNextLevel(double next, int seeds) {
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
    }

    /**
     * Runs the next level's chains under L_train &lt; next, adapting lambda after each group of
     * chains; sets levelAccepted and levelRhoSum (rho summed over proposals).
     */
    private void runChains(SplittableRandom rng, double next, int seeds) {
        int moves = settings.movesPerState();
        levelAccepted = 0;
        levelRhoSum = 0;
        int groups = Math.min(ADAPTATION_GROUPS, seeds);
        for (int g = 0; g < groups; g++) {
            double sigma = Math.min(1.0, lambda);
            double rho = Math.sqrt(1 - sigma * sigma);
            int first = (int) ((long) g * seeds / groups);
            int end = (int) ((long) (g + 1) * seeds / groups);
            long accepted = 0;
            long proposals = 0;
            for (int c = first; c < end; c++) {
                int start = ChainCorrelation.start(n, seeds, c);
                int length = ChainCorrelation.length(n, seeds, c);
                for (int l = 1; l < length; l++) {
                    // The state `moves` steps after the previous recorded one is recorded.
                    for (int t = 0; t < moves; t++) {
                        int from = t == 0 ? start + l - 1 : start + l;
                        if (sampler.step(rng, nextWeights, nextTrain, nextGen, from, start + l, next, rho)) {
                            accepted++;
                        }
                    }
                }
                proposals += (long) (length - 1) * moves;
            }
            if (proposals > 0) {
                double rate = (double) accepted / proposals;
                lambda = Math.min(1.0, lambda * Math.exp((rate - settings.targetAcceptance()) / Math.sqrt(g + 1)));
            }
            levelAccepted += accepted;
            levelRhoSum += rho * proposals;
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
