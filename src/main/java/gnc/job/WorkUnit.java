package gnc.job;

import java.io.Serializable;

/**
 * One unit of work of a (point, seed) trial. For G&C, a block: draws number
 * [block * blockSize, block * blockSize + draws) of the trial; its random stream depends on
 * (job key, width, depth, seed, block) only.
 *
 * <p>A plain class rather than a record: Spark ships the units of a partition with its configured
 * serializer, and Kryo 4 (Spark's) cannot build a field serializer for records.
 */
public final class WorkUnit implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final int width;
    private final int depth;
    private final int seed;
    private final int block;
    private final long draws;

    public WorkUnit(String method, int width, int depth, int seed, int block, long draws) {
        this.method = method;
        this.width = width;
        this.depth = depth;
        this.seed = seed;
        this.block = block;
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

    public int block() {
        return block;
    }

    /** G&C draws in the unit (0 for methods that make none). */
    public long draws() {
        return draws;
    }

    /** The (point, seed) trial this unit belongs to. */
    public String cell() {
        return "width=" + width + " depth=" + depth + " seed=" + seed;
    }

    @Override
    public String toString() {
        return method + " " + cell() + " block=" + block;
    }
}
