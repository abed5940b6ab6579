package gnc.kernel;

import java.util.SplittableRandom;

/**
 * The base law D of every weight under the G&C prior (docs/science.md §3): each entry of a layer is
 * D / sqrt(that layer's output size), with D standard normal or uniform on [-1, 1]. Normal
 * variates come from {@link Ziggurat} (faster than SplittableRandom.nextGaussian, equally exact).
 */
public enum Prior {
    GAUSS("gauss"), UNIF("unif");

    private final String specName;

    Prior(String specName) {
        this.specName = specName;
    }

    public String specName() {
        return specName;
    }

    /** One draw of D. */
    public double draw(SplittableRandom rng) {
        return this == GAUSS ? Ziggurat.next(rng) : 2.0 * rng.nextDouble() - 1.0;
    }

    /** Fills out[0 .. length) with scale * D, in index order. */
    public void fill(SplittableRandom rng, double[] out, int length, double scale) {
        if (this == GAUSS) {
            for (int i = 0; i < length; i++) {
                out[i] = scale * Ziggurat.next(rng);
            }
        } else {
            for (int i = 0; i < length; i++) {
                out[i] = scale * (2.0 * rng.nextDouble() - 1.0);
            }
        }
    }

    public static java.util.List<String> specNames() {
        return java.util.Arrays.stream(values()).map(Prior::specName).toList();
    }

    /** The prior named as in specs ("gauss" or "unif"), or null when there is none. */
    public static Prior bySpecName(String name) {
        for (Prior p : values()) {
            if (p.specName.equals(name)) {
                return p;
            }
        }
        return null;
    }
}
