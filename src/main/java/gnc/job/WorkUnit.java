package gnc.job;

import java.io.Serializable;

/**
 * One unit of work of a (point, seed) trial. For G&C, a block: draws number
 * [block * blockSize, block * blockSize + draws) of the trial; its random stream depends on
 * (job key, width, depth, seed, block) only.
 */
public record WorkUnit(String method, int width, int depth, int seed, int block, long draws)
        implements Serializable {

    /** The (point, seed) trial this unit belongs to. */
    public String cell() {
        return "width=" + width + " depth=" + depth + " seed=" + seed;
    }
}
