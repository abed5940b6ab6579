package gnc.kernel;

import java.util.SplittableRandom;

/**
 * Chi-square variates with a fixed number of degrees of freedom nu, drawn from a caller's
 * stream (so they are as reproducible as every other draw).
 *
 * <p>nu <= 2: the sum of nu squared standard normals (measured faster than the method below
 * there). nu >= 3: 2 Gamma(nu / 2), the Gamma variate by Marsaglia and Tsang's method (ACM TOMS
 * 26(3), 2000) for shape a >= 1. With d = a - 1/3 and c = 1 / sqrt(9 d), draw x ~ N(0, 1) and
 * u ~ U[0, 1); let v = (1 + c x)^3; accept d v when v > 0 and
 * log u < x^2 / 2 + d - d v + d log v, which the squeeze u < 1 - 0.0331 x^4 confirms without a
 * logarithm about 90% of the time. The accepted d v is exactly Gamma(a, 1): the method is
 * rejection sampling from the transformed density, not an approximation. Each try costs one normal
 * and one uniform; a try is accepted with probability above 0.95 for every a >= 1.
 */
public final class ChiSquare {
    private final int degrees;
    private final double d;
    private final double c;

    public ChiSquare(int degrees) {
        if (degrees < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + degrees);
        }
        this.degrees = degrees;
        this.d = degrees / 2.0 - 1.0 / 3.0;
        this.c = 1.0 / Math.sqrt(9.0 * d);
    }

    /** One chi-square variate with the constructor's degrees of freedom. */
    public double draw(SplittableRandom rng) {
        if (degrees <= 2) {
            double z = Ziggurat.next(rng);
            if (degrees == 1) {
                return z * z;
            }
            double y = Ziggurat.next(rng);
            return z * z + y * y;
        }
        while (true) {
            double x = Ziggurat.next(rng);
            double t = 1.0 + c * x;
            if (t <= 0.0) {
                continue;
            }
            double v = t * t * t;
            double u = rng.nextDouble();
            double x2 = x * x;
            if (u < 1.0 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1.0 - v + Math.log(v))) {
                return 2.0 * d * v;
            }
        }
    }
}
