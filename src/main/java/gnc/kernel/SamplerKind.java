package gnc.kernel;

/**
 * How G&C draws W from the prior: {@code direct} draws every weight and multiplies the layers out
 * ({@link PriorSampler}); {@code reduced} draws only what the law of W depends on, the Gram
 * matrices of the layers' outputs ({@link WishartSampler} for linear factorizations,
 * {@link GramSampler} otherwise). Both give W exactly the same law, but they consume the random
 * stream differently, so the resolved kind is part of a job's stream identity. {@code auto} is
 * reduced where it is exact and faster, direct elsewhere.
 */
public enum SamplerKind {
    AUTO("auto"), DIRECT("direct"), REDUCED("reduced");

    private final String specName;

    SamplerKind(String specName) {
        this.specName = specName;
    }

    public String specName() {
        return specName;
    }

    public static java.util.List<String> specNames() {
        return java.util.Arrays.stream(values()).map(SamplerKind::specName).toList();
    }

    /** The kind named as in specs, or null when there is none. */
    public static SamplerKind bySpecName(String name) {
        for (SamplerKind k : values()) {
            if (k.specName.equals(name)) {
                return k;
            }
        }
        return null;
    }

    /**
     * Why the reduced sampler is not exact for this model and prior, or null when it is. It needs
     * Gaussian weights (the reduction rests on Gaussian rows having a law fixed by their
     * covariance) and width k >= m' (Bartlett's decomposition needs k degrees of freedom >= m',
     * and a k x m' layer output of rank below m' has a singular Gram matrix).
     */
    public static String reducedInexactReason(Factorization model, Prior prior) {
        if (prior != Prior.GAUSS) {
            return "it needs the Gaussian prior";
        }
        if (model.width() < model.cols()) {
            return "it needs width >= cols (" + model.cols() + "), got width " + model.width();
        }
        return null;
    }

    /**
     * Whether auto draws reduced: where it is exact and faster than the direct sampler, which
     * draws in lanes ({@link Lanes}) with the Gaussian prior up to width {@link Lanes#MAX_WIDTH}.
     * Measured for m' = 5 (docs/throughput.md): for linear factorizations direct is faster at
     * k = 5 and 10 (by 1.6x to 2.5x), reduced from k = 20 on (Bartlett's m'(m'+1)/2 variates per
     * layer against k^2), so reduced from k >= 3 m'; for tanh and leaky ReLU direct is faster at
     * every width up to 160 (the reduced sampler still draws W_1 in full and pays a Gram matrix
     * and a Cholesky factorization per layer, one draw at a time), so reduced only beyond the
     * lanes' widths (where it is faster from k >= 3 m' / 2).
     */
    static boolean reducedIsFaster(Factorization model) {
        int k = model.width();
        if (model.activation().isLinear()) {
            return k >= 3 * model.cols();
        }
        return k > Lanes.MAX_WIDTH && 2 * k >= 3 * model.cols();
    }

    /** DIRECT or REDUCED: what this choice draws with for the model and prior. */
    public SamplerKind resolve(Factorization model, Prior prior) {
        String reason = reducedInexactReason(model, prior);
        return switch (this) {
            case DIRECT -> DIRECT;
            case AUTO -> reason == null && reducedIsFaster(model) ? REDUCED : DIRECT;
            case REDUCED -> {
                if (reason != null) {
                    throw new IllegalArgumentException("the reduced sampler is not exact here: " + reason);
                }
                yield REDUCED;
            }
        };
    }

    /** A sampler of this kind (resolved first) for the model and prior. */
    public ProductSampler create(Factorization model, Prior prior) {
        if (resolve(model, prior) == DIRECT) {
            return new PriorSampler(model, prior);
        }
        return model.activation().isLinear() ? new WishartSampler(model) : new GramSampler(model);
    }
}
