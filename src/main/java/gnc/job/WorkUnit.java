package gnc.job;

import java.io.Serializable;

/**
 * One block of G&C draws: draws number [block * blockSize, block * blockSize + draws) of the
 * (point, seed) trial. Its random stream depends on (job key, width, depth, seed, block) only.
 */
public record WorkUnit(int width, int depth, int seed, int block, long draws) implements Serializable {
}
