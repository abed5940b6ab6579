package gnc.kernel.splitting;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The eps values at which a splitting curve is reported: eps_j = epsMax * 10^(-j / pointsPerDecade)
 * for j = 0, 1, ... while eps_j &gt;= epsMin (epsMin itself is a point when log10(epsMax / epsMin) is a
 * whole number of steps, up to a relative 1e-9). Decreasing. The powers come from
 * {@link StrictMath#pow}, so every JVM computes the same bits.
 */
public record EpsGrid(double epsMax, double epsMin, int pointsPerDecade) implements Serializable {

    /** Points at most: 64 decades at 64 points per decade is far beyond any use. */
    static final int MAX_POINTS = 4096;

    public EpsGrid {
        if (!(epsMax > 0) || Double.isInfinite(epsMax)) {
            throw new IllegalArgumentException("eps_max must be finite and > 0, got " + epsMax);
        }
        if (!(epsMin > 0 && epsMin <= epsMax)) {
            throw new IllegalArgumentException("eps_min must be in (0, eps_max = " + epsMax + "], got " + epsMin);
        }
        if (pointsPerDecade < 1 || pointsPerDecade > 64) {
            throw new IllegalArgumentException("points_per_decade must be in 1..64, got " + pointsPerDecade);
        }
        if (count(epsMax, epsMin, pointsPerDecade) > MAX_POINTS) {
            throw new IllegalArgumentException("eps_max / eps_min = " + epsMax / epsMin + " at " + pointsPerDecade
                    + " points per decade gives more than " + MAX_POINTS + " points: raise eps_min");
        }
    }

    private static int count(double epsMax, double epsMin, int pointsPerDecade) {
        double steps = Math.log10(epsMax / epsMin) * pointsPerDecade;
        return (int) Math.min(Integer.MAX_VALUE - 1L, (long) Math.floor(steps + 1e-9 * Math.max(1.0, steps))) + 1;
    }

    /** The number of points. */
    public int size() {
        return count(epsMax, epsMin, pointsPerDecade);
    }

    /** Point j: epsMax * 10^(-j / pointsPerDecade). */
    public double value(int j) {
        if (j < 0 || j >= size()) {
            throw new IndexOutOfBoundsException("grid point " + j + " of " + size());
        }
        return j == 0 ? epsMax : epsMax * StrictMath.pow(10.0, -(double) j / pointsPerDecade);
    }

    /** Every point, decreasing. */
    public double[] values() {
        double[] v = new double[size()];
        Arrays.setAll(v, this::value);
        return v;
    }
}
