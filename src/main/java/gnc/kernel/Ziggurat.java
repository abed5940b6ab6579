package gnc.kernel;

import java.util.SplittableRandom;

/**
 * Standard normal variates by Marsaglia and Tsang's ziggurat (J. Stat. Softw. 5(8), 2000) with
 * 256 layers, one 64-bit random number per variate about 99% of the time: faster than
 * SplittableRandom.nextGaussian, and exact (rejection sampling, no approximation).
 *
 * <p>The region under f(x) = exp(-x^2 / 2), x >= 0, is covered by 256 pieces of equal area V: a
 * base strip [0, X_0) x [0, f(R)) (X_0 = V / f(R), holding the rectangle up to R = X_1 and the
 * tail beyond it) and rectangles [0, X_i) x [f(X_i), f(X_{i+1})) for i = 1 .. 255 (X_256 = 0).
 * A draw picks a piece i uniformly (8 bits) and a signed uniform u = j 2^-52 in [-1, 1) (j: 53
 * further bits); x = u X_i lies under the curve for sure when |x| < X_{i+1} (returned at once);
 * otherwise piece 0 draws from the tail |x| > R by Marsaglia's exponential method, and other
 * pieces accept x when a uniform height in [f(X_i), f(X_{i+1})) falls below f(x), or start over. R solves the equal-area
 * condition (the top rectangle's area equals V), found by bisection when the class loads; V
 * follows from R as R f(R) + the Gaussian tail integral beyond R (a continued fraction).
 */
public final class Ziggurat {
    static final int LAYERS = 256;
    static final double R;
    static final double V;
    private static final double[] X = new double[LAYERS + 1];
    private static final double[] F = new double[LAYERS + 1];
    /** floor(2^52 X_{i+1} / X_i) - 1: |j| below it puts x = j 2^-52 X_i under the curve for sure. */
    private static final long[] INNER = new long[LAYERS];
    /** X_i 2^-52: x = j WIDTH_i exactly, as multiplying by a power of two is exact. */
    private static final double[] WIDTH = new double[LAYERS];

    static {
        double lo = 3.0;
        double hi = 4.5;
        for (int it = 0; it < 200 && hi - lo > 0; it++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) {
                break;
            }
            if (topExcess(mid) > 0) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        R = hi;
        V = area(R);
        layers(R, V, X);
        X[LAYERS] = 0.0;
        for (int i = 0; i <= LAYERS; i++) {
            F[i] = Math.exp(-0.5 * X[i] * X[i]);
        }
        for (int i = 0; i < LAYERS; i++) {
            INNER[i] = (long) Math.floor(0x1.0p52 * (X[i + 1] / X[i])) - 1;
            WIDTH[i] = X[i] * 0x1.0p-52;
        }
    }

    private Ziggurat() {
    }

    /** V(r) = r f(r) + the integral of f beyond r, the Mills ratio by its continued fraction. */
    static double area(double r) {
        double t = 0.0;
        for (int j = 200; j >= 1; j--) {
            t = j / (r + t);
        }
        return Math.exp(-0.5 * r * r) * (r + 1.0 / (r + t));
    }

    /** Fills x[0 .. 255] for base r and area v; returns false when a layer would rise above f = 1. */
    private static boolean layers(double r, double v, double[] x) {
        x[0] = v / Math.exp(-0.5 * r * r);
        x[1] = r;
        for (int i = 1; i < LAYERS - 1; i++) {
            double fNext = v / x[i] + Math.exp(-0.5 * x[i] * x[i]);
            if (fNext >= 1.0) {
                return false;
            }
            x[i + 1] = Math.sqrt(-2.0 * Math.log(fNext));
        }
        return true;
    }

    /** The top rectangle's area minus V for base r: positive when r is too large. */
    static double topExcess(double r) {
        double v = area(r);
        double[] x = new double[LAYERS + 1];
        if (!layers(r, v, x)) {
            return -1.0;
        }
        double top = x[LAYERS - 1];
        return top * (1.0 - Math.exp(-0.5 * top * top)) - v;
    }

    /**
     * One N(0, 1) variate. The first test is on the integer j (|u| = |j| 2^-52) against a
     * slightly conservative bound, cheaper than converting first; the few points it leaves get
     * the exact test |x| < X_{i+1}, so the variates are the same as without it.
     */
    public static double next(SplittableRandom rng) {
        while (true) {
            long bits = rng.nextLong();
            int i = (int) bits & (LAYERS - 1);
            long j = bits >> 11;
            if (Math.abs(j) < INNER[i]) {
                return j * WIDTH[i];
            }
            double x = j * WIDTH[i];
            if (Math.abs(x) < X[i + 1]) {
                return x;
            }
            if (i == 0) {
                return tail(rng, j < 0);
            }
            double y = F[i] + (F[i + 1] - F[i]) * rng.nextDouble();
            if (y < Math.exp(-0.5 * x * x)) {
                return x;
            }
        }
    }

    /** A variate of the normal tail beyond R (or below -R). */
    private static double tail(SplittableRandom rng, boolean negative) {
        double a;
        double b;
        do {
            a = -Math.log(1.0 - rng.nextDouble()) / R;
            b = -Math.log(1.0 - rng.nextDouble());
        } while (2.0 * b < a * a);
        return negative ? -(R + a) : R + a;
    }

    /** The top rectangle's area relative to V, minus one: zero up to rounding when the tables are right. */
    static double closure() {
        double top = X[LAYERS - 1];
        return top * (1.0 - F[LAYERS - 1]) / V - 1.0;
    }
}
