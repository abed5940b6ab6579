package gnc.results;

import java.math.BigDecimal;

/**
 * An exact sum of doubles: every finite double is a BigDecimal without rounding, and their sum is
 * exact, so the result (rounded once, to the nearest double) is the same whatever the order of the
 * terms or the partitioning that delivered them. A non-finite term makes the sum non-finite, as
 * double addition would (NaN for +inf + -inf).
 */
public final class ExactSum {
    private BigDecimal sum = BigDecimal.ZERO;
    private double nonFinite = 0.0;

    public ExactSum add(double x) {
        if (Double.isFinite(x)) {
            sum = sum.add(new BigDecimal(x));
        } else {
            nonFinite += x;
        }
        return this;
    }

    /** The sum divided by count, computed exactly to 34 digits and rounded to a double. */
    public double mean(long count) {
        return nonFinite != 0.0 ? nonFinite / count
                : sum.divide(BigDecimal.valueOf(count), java.math.MathContext.DECIMAL128).doubleValue();
    }

    /** The sum, rounded to the nearest double (infinite beyond the double range). */
    public double value() {
        return nonFinite != 0.0 ? nonFinite : sum.doubleValue(); // NaN != 0 too
    }
}
