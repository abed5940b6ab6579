package gnc.kernel;

/**
 * Au &amp; Beck's (2001, eq. 27-29) correction for correlated samples in a level's probability
 * estimate, for chains of unequal length. A level holds N states in Nc chains, laid out one chain
 * after another with the lengths {@link #length} gives (N / Nc rounded, the longer ones first), and
 * p is the fraction of the N states with I = 1{L_train &lt; threshold}. The variance of p is
 * (1 / N^2) sum_c Var(sum_l I(c, l)) = (R(0) / N) (1 + gamma) with
 * <pre>
 *   gamma = 2 sum_{k &gt;= 1} (n_k / N) R(k) / R(0),
 *   R(k)  = (1 / n_k) sum over the n_k lag-k pairs (l, l + k) within a chain of I(c, l) I(c, l + k) - p^2,
 *   R(0)  = p (1 - p),   CV(p)^2 = (1 - p) / (N p) * (1 + gamma).
 * </pre>
 * With Nc chains of equal length Ns, n_k / N = 1 - k / Ns: Au &amp; Beck's formula. gamma = 0 for
 * independent states (chains of length 1, the prior level).
 */
final class ChainCorrelation {
    private ChainCorrelation() {
    }

    /** The length of chain c when N states form Nc chains: floor(N / Nc), plus one for c &lt; N mod Nc. */
    static int length(int n, int chains, int c) {
        return n / chains + (c < n % chains ? 1 : 0);
    }

    /** Where chain c starts in the level's arrays. */
    static int start(int n, int chains, int c) {
        return c * (n / chains) + Math.min(c, n % chains);
    }

    /** gamma of the indicators train[i] &lt; threshold; 0 when p is 0 or 1 (no variance). */
    static double factor(double[] train, int n, int chains, double threshold) {
        long below = 0;
        for (int i = 0; i < n; i++) {
            if (train[i] < threshold) {
                below++;
            }
        }
        double p = (double) below / n;
        double r0 = p * (1 - p);
        if (r0 == 0) {
            return 0.0;
        }
        int longest = length(n, chains, 0);
        double gamma = 0;
        for (int k = 1; k < longest; k++) {
            long pairs = 0;
            long both = 0;
            for (int c = 0; c < chains; c++) {
                int start = start(n, chains, c);
                int len = length(n, chains, c);
                for (int l = 0; l + k < len; l++) {
                    pairs++;
                    if (train[start + l] < threshold && train[start + l + k] < threshold) {
                        both++;
                    }
                }
            }
            double rk = (double) both / pairs - p * p;
            gamma += 2.0 * pairs / n * rk / r0;
        }
        return gamma;
    }

    /** CV(p)^2 = (1 - p) / (N p) (1 + gamma); infinite when p = 0. */
    static double cvSquared(double p, int n, double gamma) {
        return p == 0 ? Double.POSITIVE_INFINITY : (1 - p) / (n * p) * (1 + gamma);
    }
}
