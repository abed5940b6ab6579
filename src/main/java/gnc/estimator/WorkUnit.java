package gnc.estimator;

import java.io.Serializable;

/**
 * One unit of work of an estimator in a (point, seed) trial, numbered 0, 1, ... within the trial:
 * a block of plain G&C draws, a replica of a rare-event estimator, a gradient-descent run. Its
 * random stream depends on (the estimator's key, width, depth, seed, index) only, so any task
 * computes the same result.
 *
 * <p>A plain class rather than a record: Spark ships the units of a partition with its configured
 * serializer, and Kryo 4 (Spark's) cannot build a field serializer for records.
 */
public final class WorkUnit implements Serializable {
    private static final long serialVersionUID = 2L;

    private final String method;
    private final int width;
    private final int depth;
    private final int seed;
    private final int index;
    private final long draws;

    public WorkUnit(String method, int width, int depth, int seed, int index, long draws) {
        this.method = method;
        this.width = width;
        this.depth = depth;
        this.seed = seed;
        this.index = index;
        this.draws = draws;
    }

    public String method() {
        return method;
    }

    public int width() {
        return width;
    }

    public int depth() {
        return depth;
    }

    public int seed() {
        return seed;
    }

    /** The unit's number within its trial (the block, the replica, ...). */
    public int index() {
        return index;
    }

    /** Plain G&C draws in the unit (0 for estimators that make none). */
    public long draws() {
        return draws;
    }

    /** The (point, seed) trial this unit belongs to. */
    public String cell() {
        return "width=" + width + " depth=" + depth + " seed=" + seed;
    }

    @Override
    public String toString() {
        return method + " " + cell() + " index=" + index;
    }
}
