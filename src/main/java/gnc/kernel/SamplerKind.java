package gnc.kernel;

/**
 * How G&C draws W from the prior: {@code direct} draws every weight and multiplies the layers out
 * ({@link PriorSampler}); {@code reduced} draws only what the law of W depends on, the Gram
 * matrices of the layers' outputs ({@link WishartSampler} for linear factorizations,
 * {@link GramSampler} otherwise; G&C draws it in lanes, {@link LaneGramSampler}, with the
 * Gaussian prior). Both give W exactly the same law, but they consume the random
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
     * Whether auto draws reduced: where it is exact and faster than the direct sampler. With the
     * Gaussian prior both draw in lanes ({@link Lanes}): direct up to width {@link Lanes#MAX_WIDTH},
     * reduced for linear factorizations up to {@link Lanes#MAX_WISHART_WIDTH} and for tanh and
     * leaky ReLU at every width. Measured for m' = 5 (docs/throughput.md): for linear
     * factorizations, both in lanes, direct is faster at k = 5 (1.1x to 1.6x at depths 2, 6, 10),
     * reduced at k = 10 (1.2x, 2.1x, 2.4x at depths 2, 6, 10) and beyond (depth 2: 2.0x at k = 20,
     * 3.6x at 40, 5.3x at 80; past the lanes' width the scalar Wishart sampler, 5x at 160), so
     * reduced from k >= 2 m'; for tanh and leaky ReLU, both in lanes (quiet machine),
     * direct is faster at k = 5 (1.15x to 1.7x at depths 2, 6, 10), k = 7 and 8 are a toss-up
     * (0.7x to 1.4x either way), and reduced is as fast or faster from k = 10 on (depth 2: 1.00x
     * and 1.12x at k = 10, 1.3x to 1.6x at k = 20, 1.3x to 2.3x at k = 80 and 160; depth 6: 1.25x
     * and 1.36x at k = 10), so reduced from k >= 2 m' too.
     */
    static boolean reducedIsFaster(Factorization model) {
        return model.width() >= 2 * model.cols();
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
