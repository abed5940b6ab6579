package gnc.kernel;

import java.io.Serializable;

/**
 * How G&C draws and judges a weight setting (PAPER.md §3): the prior's base law, whether the
 * product is normalized, W <- W / (||W||_F + softening), and the acceptance threshold eps.
 */
public record GncSettings(Prior prior, boolean normalize, double softening) implements Serializable {

    /** The softening the authors add to ||W||_F before dividing. */
    public static final double DEFAULT_SOFTENING = 1e-6;

    public GncSettings {
        if (prior == null) {
            throw new IllegalArgumentException("prior is required");
        }
        if (!(softening >= 0) || Double.isInfinite(softening)) {
            throw new IllegalArgumentException("softening must be finite and >= 0, got " + softening);
        }
    }
}
