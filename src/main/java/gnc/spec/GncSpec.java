package gnc.spec;

import gnc.kernel.GncSettings;
import java.io.Serializable;
import java.util.List;

/**
 * The G&C part of a job.
 *
 * @param methods       which estimators run: "gnc" (plain G&C draws), "subset" (subset simulation), "splitting"
 * @param sampling      prior, normalization and softening of each draw
 * @param eps           accept a draw when L_train < eps
 * @param draws         plain G&C draws per (point, seed); 0 when plain G&C does not run
 * @param blockSize     draws per work unit; part of the stream identity
 * @param keepThreshold draws with L_train below it (>= eps) go to the {@code accepted} table
 * @param keepCap       at most this many kept draws per block are written (the first ones)
 */
public record GncSpec(List<String> methods, GncSettings sampling, double eps, long draws, int blockSize,
                      double keepThreshold, int keepCap) implements Serializable {
    public static final String PLAIN = "gnc";
    public static final String SUBSET = "subset";
    public static final String SPLITTING = "splitting";

    public GncSpec {
        methods = List.copyOf(methods);
    }

    public boolean runs(String method) {
        return methods.contains(method);
    }

    /** Blocks per (point, seed): ceil(draws / blockSize), 0 without plain G&C. */
    public long blocksPerTrial() {
        return runs(PLAIN) ? (draws + blockSize - 1) / blockSize : 0;
    }

    public GncSpec withDraws(long newDraws) {
        return new GncSpec(methods, sampling, eps, newDraws, blockSize, keepThreshold, keepCap);
    }
}
