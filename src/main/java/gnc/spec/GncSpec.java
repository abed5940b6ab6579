package gnc.spec;

import gnc.kernel.GncSettings;
import java.io.Serializable;

/**
 * The G&C part of a job.
 *
 * @param sampling      prior, normalization and softening of each draw
 * @param eps           accept a draw when L_train < eps
 * @param draws         draws per (point, seed)
 * @param blockSize     draws per work unit; part of the stream identity
 * @param keepThreshold draws with L_train below it (>= eps) go to the {@code accepted} table
 * @param keepCap       at most this many kept draws per block are written (the first ones)
 */
public record GncSpec(GncSettings sampling, double eps, long draws, int blockSize, double keepThreshold,
                      int keepCap) implements Serializable {

    /** Blocks per (point, seed): ceil(draws / blockSize). */
    public long blocksPerTrial() {
        return (draws + blockSize - 1) / blockSize;
    }

    public GncSpec withDraws(long newDraws) {
        return new GncSpec(sampling, eps, newDraws, blockSize, keepThreshold, keepCap);
    }
}
