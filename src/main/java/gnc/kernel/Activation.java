package gnc.kernel;

import java.io.Serializable;

/**
 * The entry-wise non-linearity sigma of the factorization (docs/science.md §2): the identity, tanh, or
 * leaky ReLU, sigma(x) = x for x > 0 and slope * x otherwise. tanh is {@link FastTanh}
 * everywhere (within 2 ulps of Math.tanh, several times faster on Java 17).
 */
public final class Activation implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The negative slope the paper uses for leaky ReLU. */
    public static final double DEFAULT_NEGATIVE_SLOPE = 0.2;

    /** The kinds of activation, each with the name specs use for it. */
    public enum Kind {
        LINEAR("linear"), TANH("tanh"), LEAKY_RELU("leaky_relu");

        private final String specName;

        Kind(String specName) {
            this.specName = specName;
        }

        public String specName() {
            return specName;
        }

        public static java.util.List<String> specNames() {
            return java.util.Arrays.stream(values()).map(Kind::specName).toList();
        }

        /** The kind named as in specs, or null when there is none. */
        public static Kind bySpecName(String name) {
            for (Kind k : values()) {
                if (k.specName.equals(name)) {
                    return k;
                }
            }
            return null;
        }
    }

    private final Kind kind;
    private final double negativeSlope;

    private Activation(Kind kind, double negativeSlope) {
        this.kind = kind;
        this.negativeSlope = negativeSlope;
    }

    public static Activation linear() {
        return new Activation(Kind.LINEAR, 1.0);
    }

    public static Activation tanh() {
        return new Activation(Kind.TANH, 1.0);
    }

    public static Activation leakyRelu(double negativeSlope) {
        if (!Double.isFinite(negativeSlope)) {
            throw new IllegalArgumentException("negative slope must be finite, got " + negativeSlope);
        }
        return new Activation(Kind.LEAKY_RELU, negativeSlope);
    }

    /** The activation of the given kind; the slope matters only for leaky ReLU. */
    public static Activation of(Kind kind, double negativeSlope) {
        return switch (kind) {
            case LINEAR -> linear();
            case TANH -> tanh();
            case LEAKY_RELU -> leakyRelu(negativeSlope);
        };
    }

    public Kind kind() {
        return kind;
    }

    public double negativeSlope() {
        return negativeSlope;
    }

    public boolean isLinear() {
        return kind == Kind.LINEAR;
    }

    public double apply(double x) {
        return switch (kind) {
            case LINEAR -> x;
            case TANH -> FastTanh.tanh(x);
            case LEAKY_RELU -> x > 0 ? x : negativeSlope * x;
        };
    }

    /** Applies sigma to x[0 .. length) in place, equal to {@link #apply} bit for bit (up to the sign of 0). */
    public void applyInPlace(double[] x, int length) {
        switch (kind) {
            case LINEAR -> { }
            case TANH -> {
                for (int i = 0; i < length; i++) {
                    x[i] = FastTanh.tanh(x[i]);
                }
            }
            case LEAKY_RELU -> {
                // Branch-free (a branch on random signs mispredicts half the time): with
                // a = |v|, (v + a) / 2 is v or 0 and slope * ((v - a) / 2) is 0 or slope * v,
                // every step exact, so the result equals apply(v) bit for bit (up to the sign of 0).
                double slope = negativeSlope;
                for (int i = 0; i < length; i++) {
                    double v = x[i];
                    double a = Math.abs(v);
                    x[i] = 0.5 * (v + a) + slope * (0.5 * (v - a));
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Activation a && a.kind == kind
                && Double.compare(a.negativeSlope, negativeSlope) == 0;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Double.hashCode(negativeSlope);
    }

    @Override
    public String toString() {
        return kind == Kind.LEAKY_RELU ? kind.specName() + "(" + negativeSlope + ")" : kind.specName();
    }
}
