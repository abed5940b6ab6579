package gnc.kernel.splitting;

import gnc.kernel.Activation;
import gnc.kernel.Factorization;
import gnc.kernel.GncSettings;
import gnc.kernel.Prior;
import gnc.kernel.ProblemSettings;
import java.io.Serializable;
import java.util.Arrays;

/**
 * The eps values at which a splitting curve is reported: anchor * 10^(k / pointsPerDecade) for
 * the integers k from highest down to lowest, so decreasing, evenly spaced in log eps, and the
 * anchor itself (k = 0) exactly. The powers come from {@link StrictMath#pow}, so every JVM
 * computes the same bits.
 *
 * <p>{@link #between} spans a given [epsMin, epsMax] from epsMax down. {@link #around} is the
 * default for a trial whose G&amp;C eps is given: anchored at that eps (so the paper's eps is a
 * grid point, exactly, for comparison with plain G&amp;C), from the first point at or above the
 * prior's typical L_train ({@link #priorLevel}) down to eps / 100. Starting high costs nothing: the
 * pilot's first rung sits at its draws' own largest L_train, and the points above the draws are
 * recorded from kills alone; the top shows the curve leaving P = 1.
 */
public record EpsGrid(double anchor, int pointsPerDecade, int highest, int lowest) implements Serializable {

    /** Points at most: 64 decades at 64 points per decade is far beyond any use. */
    static final int MAX_POINTS = 4096;
    /** Decades below the given eps that {@link #around} reaches: the "100x below the paper's". */
    public static final int DECADES_BELOW = 2;

    public EpsGrid {
        if (!(anchor > 0) || Double.isInfinite(anchor)) {
            throw new IllegalArgumentException("eps must be finite and > 0, got " + anchor);
        }
        checkPointsPerDecade(pointsPerDecade);
        if (highest < lowest || (long) highest - lowest + 1 > MAX_POINTS) {
            throw new IllegalArgumentException("the grid must hold 1.." + MAX_POINTS + " points, got "
                    + ((long) highest - lowest + 1) + ": narrow eps_max / eps_min or lower points_per_decade");
        }
        if (!(value(anchor, pointsPerDecade, lowest) > 0) || Double.isInfinite(value(anchor, pointsPerDecade, highest))) {
            throw new IllegalArgumentException("the grid leaves the positive doubles: narrow eps_max / eps_min");
        }
    }

    /** From epsMax down, every 1/pointsPerDecade decade, to the last point at or above epsMin (up to a relative 1e-9). */
    public static EpsGrid between(double epsMax, double epsMin, int pointsPerDecade) {
        checkPointsPerDecade(pointsPerDecade);
        if (!(epsMax > 0) || Double.isInfinite(epsMax)) {
            throw new IllegalArgumentException("eps_max must be finite and > 0, got " + epsMax);
        }
        if (!(epsMin > 0 && epsMin <= epsMax)) {
            throw new IllegalArgumentException("eps_min must be in (0, eps_max = " + epsMax + "], got " + epsMin);
        }
        double steps = Math.log10(epsMax / epsMin) * pointsPerDecade;
        double below = Math.floor(steps + 1e-9 * Math.max(1.0, steps));
        if (below + 1 > MAX_POINTS) {
            throw new IllegalArgumentException("eps_max / eps_min = " + epsMax / epsMin + " at " + pointsPerDecade
                    + " points per decade gives more than " + MAX_POINTS + " points: raise eps_min");
        }
        return new EpsGrid(epsMax, pointsPerDecade, 0, (int) -below);
    }

    private static void checkPointsPerDecade(int pointsPerDecade) {
        if (pointsPerDecade < 1 || pointsPerDecade > 64) {
            throw new IllegalArgumentException("points_per_decade must be in 1..64, got " + pointsPerDecade);
        }
    }

    /**
     * The default grid of a trial at G&amp;C eps: anchored at eps, from the first point at or above
     * priorLevel (at least eps itself) down to eps / 10^{@value #DECADES_BELOW}.
     */
    public static EpsGrid around(double eps, double priorLevel, int pointsPerDecade) {
        if (!(priorLevel > 0) || Double.isInfinite(priorLevel)) {
            throw new IllegalArgumentException("the prior's level must be finite and > 0, got " + priorLevel);
        }
        return anchored(eps, Math.max(eps, priorLevel), eps / Math.pow(10, DECADES_BELOW), pointsPerDecade);
    }

    /**
     * A grid anchored at eps (a point, exactly, whether or not it lies in the range) from the first
     * point at or above epsMax down to the last point at or above epsMin (both up to 1e-6 of a
     * grid step, so that a bound that is a grid value up to rounding, such as eps / 100, is on it).
     */
    public static EpsGrid anchored(double eps, double epsMax, double epsMin, int pointsPerDecade) {
        checkPointsPerDecade(pointsPerDecade);
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("eps must be finite and > 0, got " + eps);
        }
        if (!(epsMax > 0) || Double.isInfinite(epsMax)) {
            throw new IllegalArgumentException("eps_max must be finite and > 0, got " + epsMax);
        }
        if (!(epsMin > 0 && epsMin <= epsMax)) {
            throw new IllegalArgumentException("eps_min must be in (0, eps_max = " + epsMax + "], got " + epsMin);
        }
        double up = Math.ceil(Math.log10(epsMax / eps) * pointsPerDecade - 1e-6);
        double down = Math.ceil(Math.log10(epsMin / eps) * pointsPerDecade - 1e-6);
        if (up - down + 1 > MAX_POINTS) {
            throw new IllegalArgumentException("eps_max / eps_min = " + epsMax / epsMin + " at " + pointsPerDecade
                    + " points per decade gives more than " + MAX_POINTS + " points: raise eps_min");
        }
        return new EpsGrid(eps, pointsPerDecade, (int) up, (int) down);
    }

    /**
     * The prior's typical L_train, E[L_train] over the prior and the problem family where that is
     * a closed form: with unit-norm measurements A of a rotation- or permutation-invariant law
     * (Gaussian sensing, completion), E&lt;A, W&gt;^2 = E||W||_F^2 / (m m') and E y^2 =
     * ||W*||_F^2 / (m m'), so E[L_train] = (E||W||^2 + ||W*||^2) / (m m'). E||W||^2 is 1 with
     * normalization; else m' v^d g^(d-1), v the base law's variance (1 Gaussian, 1/3 uniform: each
     * layer multiplies E||H||^2 by k v / k) and g = E sigma(x)^2 / E x^2 for symmetric x: 1 linear,
     * (1 + a^2) / 2 leaky ReLU, and 1 for tanh as a bound (tanh^2 x &lt; x^2), which only starts
     * the grid higher.
     */
    public static double priorLevel(ProblemSettings problem, Factorization model, GncSettings gnc) {
        return priorLevel(problem.dimension(), problem.groundTruthNorm() * problem.groundTruthNorm(), model, gnc);
    }

    /** {@link #priorLevel(ProblemSettings, Factorization, GncSettings)} given m m' and ||W*||_F^2. */
    public static double priorLevel(int dimension, double groundTruthNormSq, Factorization model, GncSettings gnc) {
        double dim = dimension;
        double norm;
        if (gnc.normalize()) {
            norm = 1.0;
        } else {
            double v = gnc.prior() == Prior.GAUSS ? 1.0 : 1.0 / 3;
            Activation a = model.activation();
            double g = a.kind() == Activation.Kind.LEAKY_RELU ? (1 + a.negativeSlope() * a.negativeSlope()) / 2 : 1.0;
            norm = model.cols() * Math.pow(v, model.depth()) * Math.pow(g, model.depth() - 1);
        }
        return (norm + groundTruthNormSq) / dim;
    }

    private static double value(double anchor, int pointsPerDecade, int k) {
        return k == 0 ? anchor : anchor * StrictMath.pow(10.0, (double) k / pointsPerDecade);
    }

    /** The number of points. */
    public int size() {
        return highest - lowest + 1;
    }

    /** Point j (0 = the largest eps). */
    public double value(int j) {
        if (j < 0 || j >= size()) {
            throw new IndexOutOfBoundsException("grid point " + j + " of " + size());
        }
        return value(anchor, pointsPerDecade, highest - j);
    }

    public double epsMax() {
        return value(0);
    }

    public double epsMin() {
        return value(size() - 1);
    }

    /** Every point, decreasing. */
    public double[] values() {
        double[] v = new double[size()];
        Arrays.setAll(v, this::value);
        return v;
    }
}
