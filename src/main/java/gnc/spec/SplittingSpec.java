package gnc.spec;

import gnc.kernel.splitting.SplittingSettings;
import java.io.Serializable;

/**
 * Splitting of a job (gnc.methods includes "splitting"): independent replicas per (point, seed),
 * each a run of the kernel's Splitting with these settings, reported on the job's curve grid.
 */
public record SplittingSpec(int replicas, SplittingSettings settings) implements Serializable {
    /** The pilot's acceptance target and first rho: the kernel tests' values, not spec fields. */
    static final double TARGET_ACCEPTANCE = 0.3;
    static final double INITIAL_RHO = 0.8;

    /**
     * The settings of a spec's fields. The pilot that places the rungs runs a quarter of the
     * particles, at least 50 (it only has to find levels about f N kills apart: its share of a
     * replica's cost is then about a quarter).
     */
    static SplittingSpec of(int replicas, int particles, double killFraction, int moves, long maxEvaluations) {
        int pilot = Math.max(50, particles / 4);
        return new SplittingSpec(replicas, new SplittingSettings(particles, killFraction, moves, pilot,
                TARGET_ACCEPTANCE, INITIAL_RHO, maxEvaluations));
    }
}
