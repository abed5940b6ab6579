package gnc.kernel;

import java.util.List;

/**
 * Independent replicas of {@link SubsetSimulation} at one (point, seed, eps), combined. Replica r
 * gives a probability estimate P_r, its final level's count N_r of states below eps, and the sum
 * G_r of their L_gen.
 *
 * <ul>
 *   <li>probability = mean_r P_r, probabilitySe = sd_r(P_r) / sqrt(R). Averaging independent
 *       replicas keeps a single replica's expectation, so it adds no bias (a replica's own bias is
 *       O(1/N), see {@link SubsetSimulation}), and the replicas' spread is an honest standard error
 *       whatever the chains' correlation. Pooling the levels' counts across replicas instead would
 *       not be valid: the replicas' levels differ.</li>
 *   <li>genMean = sum_r G_r / sum_r N_r, the posterior mean of L_gen pooled over all replicas'
 *       final states (a ratio estimator: its bias is O(1 / sum_r N_r), where the mean of the
 *       replicas' own means G_r / N_r would keep each replica's O(1 / N_r) bias).
 *       genSe = sqrt(R / (R - 1) sum_r (G_r - genMean N_r)^2) / sum_r N_r, the ratio estimator's
 *       standard error from the spread across replicas (delta method, replicas as clusters), which
 *       is valid although the states within a replica are correlated.</li>
 * </ul>
 * Standard errors are NaN with fewer than two replicas; genMean is NaN when no state lies below
 * eps in any replica. The result depends on the replicas' order only through floating-point
 * rounding; pass them in a fixed order (by replica index) for bit-identical results.
 */
public record SubsetEstimate(int replicas, double probability, double probabilitySe, long finalCount,
                             double genMean, double genSe) {

    /** Combines replicas given as parallel arrays (probability, final count, L_gen sum). */
    public static SubsetEstimate combine(double[] probabilities, long[] finalCounts, double[] genSums) {
        int r = probabilities.length;
        if (r == 0 || finalCounts.length != r || genSums.length != r) {
            throw new IllegalArgumentException("need the same number (>= 1) of probabilities, counts and L_gen sums, got "
                    + probabilities.length + ", " + finalCounts.length + ", " + genSums.length);
        }
        double pSum = 0;
        long count = 0;
        double gSum = 0;
        for (int i = 0; i < r; i++) {
            pSum += probabilities[i];
            count += finalCounts[i];
            gSum += genSums[i];
        }
        double p = pSum / r;
        double genMean = count == 0 ? Double.NaN : gSum / count;
        double pDev = 0;
        double gDev = 0;
        for (int i = 0; i < r; i++) {
            double dp = probabilities[i] - p;
            pDev += dp * dp;
            if (count > 0) {
                double dg = genSums[i] - genMean * finalCounts[i];
                gDev += dg * dg;
            }
        }
        double pSe = r < 2 ? Double.NaN : Math.sqrt(pDev / (r - 1) / r);
        double genSe = r < 2 || count == 0 ? Double.NaN : Math.sqrt((double) r / (r - 1) * gDev) / count;
        return new SubsetEstimate(r, p, pSe, count, genMean, genSe);
    }

    /** Combines replicas in list order. */
    public static SubsetEstimate combine(List<SubsetResult> results) {
        int r = results.size();
        double[] p = new double[r];
        long[] counts = new long[r];
        double[] g = new double[r];
        for (int i = 0; i < r; i++) {
            SubsetResult s = results.get(i);
            p[i] = s.probability();
            counts[i] = s.finalCount();
            g[i] = s.genSum();
        }
        return combine(p, counts, g);
    }
}
