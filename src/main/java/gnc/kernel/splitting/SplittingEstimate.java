package gnc.kernel.splitting;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Independent replicas of {@link Splitting} at one (point, seed) combined, grid point by grid
 * point. Replica r gives at grid eps the estimates P_r of P(L_train &lt; eps) and G_r of
 * E[L_gen 1{L_train &lt; eps}] (both unbiased) and its kill count M_r.
 *
 * <ul>
 *   <li>probability = mean_r P_r, probabilitySe = sd_r(P_r) / sqrt(R).</li>
 *   <li>genMean = sum_r G_r / sum_r P_r, the G&amp;C mean of L_gen at eps (a ratio of unbiased
 *       means: its bias is O(1/R)); genSe = sqrt(R / (R - 1) sum_r (G_r - genMean P_r)^2) / sum_r
 *       P_r, the ratio's delta-method standard error with replicas as clusters (as
 *       {@code SubsetEstimate}).</li>
 *   <li>dispersion = var_r(M_r) / mean_r(M_r), the mixing diagnostic. With exact conditional
 *       resampling M is Poisson (dispersion 1), and since ln P_r ~ -M_r / N the dispersion is also
 *       the ratio of the replicas' variance of ln P to the in-run prediction -ln P / N. Moves that
 *       mix badly leave copies near their parents, which die together: kills clump and the
 *       dispersion grows (with it the variance per evaluation, and the chance that a few replicas
 *       carry the mean, so that R replicas' spread understates the error).
 *       The trial's diagnostic is the dispersion at the smallest eps that every replica reached
 *       with a kill; it is flagged above {@link #dispersionLimit}(R).</li>
 * </ul>
 * A grid point enters only when every replica reached it (a replica stopped by its budget leaves
 * the points below unreached; averaging only the replicas that went further would select them);
 * beyond, every array holds NaN. Standard errors and the dispersion need R &gt;= 2.
 *
 * @param reached         grid points (from the first) that every replica reached
 * @param extinctReplicas replicas whose particles all tied and died together (their estimates
 *                        below that level are 0): particles stuck at one state
 * @param mixingPoint     the grid point of the diagnostic, -1 when there is none
 * @param mixingIndex     the dispersion there (NaN when there is none)
 * @param poorMixing      whether mixingIndex exceeds {@link #dispersionLimit}(replicas)
 */
public record SplittingEstimate(double[] eps, int replicas, int reached, double[] probability,
                                double[] probabilitySe, double[] genMean, double[] genSe, double[] killsMean,
                                double[] dispersion, long evaluations, int extinctReplicas, int mixingPoint,
                                double mixingIndex, boolean poorMixing) {

    /**
     * The dispersion of well-mixed runs, measured: on Figure 2's linear setting at depths 4 and 10,
     * 1000x below its eps, the mean over 8 trials was 2.0 with 10 moves per rung and 2.0 with 20
     * (5.1 with 5): more moves no longer lower it (docs/curves.md). Poor mixing is dispersion
     * beyond it.
     */
    public static final double WELL_MIXED_DISPERSION = 2.0;

    /**
     * The dispersion above which a trial of R replicas is flagged: {@link #WELL_MIXED_DISPERSION}
     * times the 99% point of chi-square(R - 1) / (R - 1), the law of R replicas' sample variance
     * over its mean, so that a well-mixed trial is flagged with probability about 1% (4.08 for 16
     * replicas, 2.92 for 64). The quantile by Wilson and Hilferty's cube-root approximation
     * (within 1% of the exact one from 1 degree of freedom on).
     */
    public static double dispersionLimit(int replicas) {
        double k = replicas - 1;
        double a = 2.0 / (9.0 * k);
        double c = 1.0 - a + 2.3263478740408408 * Math.sqrt(a);
        return WELL_MIXED_DISPERSION * c * c * c;
    }

    public SplittingEstimate {
        eps = eps.clone();
        probability = probability.clone();
        probabilitySe = probabilitySe.clone();
        genMean = genMean.clone();
        genSe = genSe.clone();
        killsMean = killsMean.clone();
        dispersion = dispersion.clone();
    }

    /** Combines replicas (all of one grid) in list order. */
    public static SplittingEstimate combine(List<SplittingResult> results) {
        int r = results.size();
        if (r == 0) {
            throw new IllegalArgumentException("need at least one replica");
        }
        double[] eps = results.get(0).eps();
        int points = eps.length;
        int reached = points;
        long evaluations = 0;
        int extinct = 0;
        for (SplittingResult s : results) {
            if (!Arrays.equals(s.eps(), eps)) {
                throw new IllegalArgumentException("replicas of different grids cannot be combined");
            }
            reached = Math.min(reached, s.reached());
            evaluations += s.evaluations();
            extinct += Double.isNaN(s.extinctionLevel()) ? 0 : 1;
        }
        double[] p = nan(points);
        double[] pSe = nan(points);
        double[] gen = nan(points);
        double[] genSe = nan(points);
        double[] kills = nan(points);
        double[] dispersion = nan(points);
        int mixingPoint = -1;
        for (int j = 0; j < reached; j++) {
            double pSum = 0;
            double gSum = 0;
            double kSum = 0;
            for (SplittingResult s : results) {
                pSum += s.probability(j);
                gSum += s.genMass(j);
                kSum += s.kills(j);
            }
            p[j] = pSum / r;
            kills[j] = kSum / r;
            gen[j] = pSum > 0 ? gSum / pSum : Double.NaN;
            double pDev = 0;
            double gDev = 0;
            double kDev = 0;
            for (SplittingResult s : results) {
                double dp = s.probability(j) - p[j];
                pDev += dp * dp;
                double dg = s.genMass(j) - gen[j] * s.probability(j);
                gDev += dg * dg;
                double dk = s.kills(j) - kills[j];
                kDev += dk * dk;
            }
            if (r >= 2) {
                pSe[j] = Math.sqrt(pDev / (r - 1) / r);
                genSe[j] = pSum > 0 ? Math.sqrt((double) r / (r - 1) * gDev) / pSum : Double.NaN;
                if (kills[j] > 0) {
                    dispersion[j] = kDev / (r - 1) / kills[j];
                    mixingPoint = j;
                }
            }
        }
        double index = mixingPoint < 0 ? Double.NaN : dispersion[mixingPoint];
        return new SplittingEstimate(eps, r, reached, p, pSe, gen, genSe, kills, dispersion, evaluations, extinct,
                mixingPoint, index, index > dispersionLimit(r));
    }

    /**
     * The local slope of log P against log eps between grid points j - 1 and j:
     * ln(P_{j-1} / P_j) / ln(eps_{j-1} / eps_j). Where W has a density on R^(m m'), P(L_train &lt;
     * eps) ~ c eps^(n/2) as eps -&gt; 0 (n measurements), so the slope at the smallest eps can be set
     * beside n / 2. NaN for j = 0, beyond the points reached, or where an estimate is 0.
     */
    public double logSlope(int j) {
        if (j < 1 || j >= reached || !(probability[j] > 0)) {
            return Double.NaN;
        }
        return Math.log(probability[j - 1] / probability[j]) / Math.log(eps[j - 1] / eps[j]);
    }

    /** Whether the trial is flagged: poor mixing, or replicas whose particles all tied. */
    public boolean flagged() {
        return poorMixing || extinctReplicas > 0;
    }

    /** What to do about a flagged trial (one line), or null when it is not flagged. */
    public String advice() {
        if (poorMixing) {
            return String.format(Locale.ROOT, "poor mixing: at eps %.3g the replicas' kill counts vary %.1f times as"
                    + " much as exact resampling would, so the standard errors may understate the error; raise"
                    + " splitting.moves (or lower splitting.kill_fraction), or run more splitting.replicas", eps[mixingPoint], mixingIndex);
        }
        if (extinctReplicas > 0) {
            return extinctReplicas + " of " + replicas + " replicas ended with every particle at one L_train value"
                    + " (the estimates below it are 0): L_train does not separate the prior's draws there";
        }
        return null;
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    @Override
    public double[] eps() {
        return eps.clone();
    }

    @Override
    public double[] probability() {
        return probability.clone();
    }

    @Override
    public double[] probabilitySe() {
        return probabilitySe.clone();
    }

    @Override
    public double[] genMean() {
        return genMean.clone();
    }

    @Override
    public double[] genSe() {
        return genSe.clone();
    }

    @Override
    public double[] killsMean() {
        return killsMean.clone();
    }

    @Override
    public double[] dispersion() {
        return dispersion.clone();
    }
}
