package gnc.kernel;

import java.io.Serializable;

/**
 * How G&C draws and judges a weight setting (docs/science.md §3): the prior's base law, whether the
 * product is normalized, W <- W / (||W||_F + softening), and which sampler draws W (see
 * {@link SamplerKind}; every choice gives W the same law).
 */
public record GncSettings(Prior prior, boolean normalize, double softening, SamplerKind sampler)
        implements Serializable {

    /** The softening the authors add to ||W||_F before dividing. */
    public static final double DEFAULT_SOFTENING = 1e-6;

    public GncSettings {
        if (prior == null) {
            throw new IllegalArgumentException("prior is required");
        }
        if (!(softening >= 0) || Double.isInfinite(softening)) {
            throw new IllegalArgumentException("softening must be finite and >= 0, got " + softening);
        }
        if (sampler == null) {
            throw new IllegalArgumentException("sampler is required");
        }
    }

    /** Settings with the default sampler choice, {@link SamplerKind#AUTO}. */
    public GncSettings(Prior prior, boolean normalize, double softening) {
        this(prior, normalize, softening, SamplerKind.AUTO);
    }

    /** The sampler kind that draws for the model: DIRECT or REDUCED. */
    public SamplerKind resolvedSampler(Factorization model) {
        return sampler.resolve(model, prior);
    }
}
