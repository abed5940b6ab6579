package gnc.kernel;

import java.util.Arrays;

/** Two-sample statistics for the sampler tests. */
final class TwoSample {
    private TwoSample() {
    }

    /** The Kolmogorov-Smirnov statistic sup_x |F_a(x) - F_b(x)| of two samples (sorted here, in place). */
    static double ksStatistic(double[] a, double[] b) {
        Arrays.sort(a);
        Arrays.sort(b);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < a.length && j < b.length) {
            double x = Math.min(a[i], b[j]);
            while (i < a.length && a[i] <= x) {
                i++;
            }
            while (j < b.length && b[j] <= x) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / a.length - (double) j / b.length));
        }
        return d;
    }

    /**
     * The KS critical value for samples of sizes n and m at false-rejection probability alpha:
     * c sqrt((n + m) / (n m)) with 2 exp(-2 c^2) = alpha, the leading term of Kolmogorov's
     * limit law (whose further terms make the true rate slightly smaller).
     */
    static double ksCritical(int n, int m, double alpha) {
        double c = Math.sqrt(-Math.log(alpha / 2) / 2);
        return c * Math.sqrt((double) (n + m) / ((double) n * m));
    }

    /** |mean(a) - mean(b)| in units of its standard error. */
    static double meanZ(double[] a, double[] b) {
        return Math.abs(mean(a) - mean(b)) / Math.sqrt(variance(a) / a.length + variance(b) / b.length);
    }

    static double mean(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x;
        }
        return s / a.length;
    }

    static double variance(double[] a) {
        double m = mean(a);
        double s = 0;
        for (double x : a) {
            s += (x - m) * (x - m);
        }
        return s / (a.length - 1);
    }
}
