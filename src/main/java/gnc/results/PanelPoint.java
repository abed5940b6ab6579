package gnc.results;

/**
 * One marker of a figure panel: for one method at one sweep value x (a width or a depth), the
 * median generalization loss across seeds and its 25th and 75th percentiles (docs/science.md §5), over
 * the seeds that have a value (seeds) out of those planned (seedsTotal). A point with no seed
 * having a value is not a point: leave it out of the panel.
 */
public record PanelPoint(String method, int x, double median, double q25, double q75, int seeds,
                         int seedsTotal) {

    public PanelPoint {
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("point method is required");
        }
        if (x < 1) {
            throw new IllegalArgumentException("point x must be >= 1, got " + x);
        }
        if (!Double.isFinite(median) || !Double.isFinite(q25) || !Double.isFinite(q75)) {
            throw new IllegalArgumentException("point median and quartiles must be finite, got "
                    + q25 + ", " + median + ", " + q75 + " (" + method + " at " + x + ")");
        }
        if (!(q25 <= median && median <= q75)) {
            throw new IllegalArgumentException("point quartiles must satisfy q25 <= median <= q75, got "
                    + q25 + ", " + median + ", " + q75 + " (" + method + " at " + x + ")");
        }
        if (seeds < 1 || seeds > seedsTotal) {
            throw new IllegalArgumentException("point seeds must be in 1..seedsTotal = " + seedsTotal + ", got "
                    + seeds + " (" + method + " at " + x + ")");
        }
    }

    /** True when some planned seeds have no value here (e.g. G&C accepted nothing). */
    public boolean reduced() {
        return seeds < seedsTotal;
    }
}
