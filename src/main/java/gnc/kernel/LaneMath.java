package gnc.kernel;

/**
 * The lane kernel's elementary functions, one lane at a time, from operations whose results Java
 * fixes bit for bit (add, multiply, fma, divide, sqrt, comparisons, integer and bit operations):
 * {@link ScalarLanes} calls these, and {@link VectorLanes} performs the same operations in the
 * same order on eight lanes at once, so both give the same bits on every processor.
 *
 * <p>Normals: Box-Muller from two 64-bit random numbers, z0 = rho cos theta, z1 = rho sin theta
 * with rho = sqrt(-2 ln u), u = 2 - d in (0, 1] (d in [1, 2) from 52 random bits), and theta
 * uniform: the top two bits of the second number pick a quadrant q, 52 further bits a uniform g
 * in [-1/2, 1/2), theta = q pi / 2 + g pi / 2 (uniform on the circle, as [-pi/4, 7pi/4) is a
 * full turn). ln u = e ln 2 + ln m (u = m 2^e, m in [sqrt(1/2), sqrt 2)), ln m = 2 atanh s with
 * s = (m - 1) / (m + 1), |s| <= 0.172, by a 7-term polynomial in s^2; sin and cos of g pi / 2 by
 * 7-term polynomials in g^2 (near-minimax fits, below: Chebyshev fits at 40 digits, each
 * coefficient rounded to the nearest double; LaneMathTest bounds the result. They replaced the
 * Taylor series of 10, 9 and 9 terms: 12% faster normals, docs/throughput.md).
 * The largest variate is sqrt(104 ln 2) = 8.49 (u = 2^-52); P(|Z| > 8.49) = 2e-17.
 *
 * <p>tanh v = -E / (2 + E) with E = expm1(-2|v|), given v's sign; |v| is capped at 20, where
 * tanh is 1 to double precision. expm1(y) = 2^n (p(r) + 1) - 1 = 2^n p(r) + (2^n - 1) with
 * y = n ln 2 + r, |r| <= ln 2 / 2, p(r) = r + r^2 P(r) with P a 10-term near-minimax fit
 * (below; it replaced the Taylor polynomial to r^14: tanh in lanes 16% faster, the same 3-ulp
 * bound, docs/throughput.md), its even and odd terms in two chains of five fmas, half the
 * dependent chain of one: accurate for small |v| too (no 1 - exp cancellation). LaneMathTest measures
 * the error against StrictMath.tanh: at most 3 ulps over 2e6 random arguments (ln, sin, cos: 2).
 */
final class LaneMath {
    /** ln 2 split so that n LN2_HI is exact for |n| < 2^20 (LN2_HI has 32 significant bits). */
    static final double LN2_HI = Double.longBitsToDouble(0x3fe62e42fee00000L);
    static final double LN2_LO = Double.longBitsToDouble(0x3dea39ef35793c76L);
    static final double INV_LN2 = 1.4426950408889634;
    /** 1.5 * 2^52: v + ROUND - ROUND rounds v to an integer (|v| < 2^51), whose bits it leaves low. */
    static final double ROUND = 0x1.8p52;
    static final long MANTISSA = 0x000fffffffffffffL;
    static final long ONE_BITS = 0x3ff0000000000000L;
    static final long SIGN = 0x8000000000000000L;
    /** The mantissa bits of sqrt 2: mantissas above it are halved (m < sqrt 2). */
    static final long SQRT2_MANTISSA = Double.doubleToRawLongBits(Math.sqrt(2.0)) & MANTISSA;
    /** tanh's argument cap: tanh 20 = 1 - 8e-18 rounds to 1. */
    static final double TANH_CAP = 20.0;

    /**
     * ln m = 2s + 2s s^2 (LOG[0] + s^2 LOG[1] + ...): a 7-term near-minimax (Chebyshev) fit of
     * (atanh(s)/s - 1)/s^2 in s^2 over s^2 <= 0.0295 (|s| <= 0.1716), absolute error 1.6e-16 before
     * the factor 2s^3 (below 1e-17 relative to ln m).
     */
    static final double[] LOG = {0x1.5555555555558p-2, 0x1.99999999952d7p-3, 0x1.2492492df281ap-3,
        0x1.c71c62e3f11e6p-4, 0x1.7462b51cb66b1p-4, 0x1.39fe51a7c18f9p-4, 0x1.2b5900de53b32p-4};
    /**
     * expm1 r = r + r^2 P(r), P(r) = E(r^2) + r O(r^2) with E(q) = EXPM1_EVEN[0] + q EXPM1_EVEN[1]
     * + ... and O likewise: a 10-term near-minimax (Chebyshev) fit of P = (expm1 r - r)/r^2 over
     * |r| <= ln 2 / 2, absolute error 1.2e-16 (P is near 1/2; below 4e-17 relative to expm1 r after
     * the factor r^2), its even and odd coefficients in two Horner chains of five.
     */
    static final double[] EXPM1_EVEN = {0x1.0000000000001p-1, 0x1.5555555553d68p-5, 0x1.6c16c17889ef1p-10, 0x1.a019b9149a41cp-16, 0x1.28917c89a43a7p-22};
    /** The odd coefficients of P (above). */
    static final double[] EXPM1_ODD = {0x1.5555555555556p-3, 0x1.11111111109b5p-7, 0x1.a01a01a7c2efep-13, 0x1.71de0db2f6b19p-19, 0x1.af389ecfc4b9cp-26};
    /**
     * sin(g pi/2) = g (SIN[0] + g^2 SIN[1] + ...): a 7-term near-minimax fit of sin(g pi/2)/g in g^2
     * over |g| <= 1/2, relative error 3.5e-18.
     */
    static final double[] SIN = {0x1.921fb54442d18p+0, -0x1.4abbce625be41p-1, 0x1.466bc677587f8p-4,
        -0x1.32d2cce2e5b19p-8, 0x1.50782fda12d96p-13, -0x1.e30071afc3e59p-19, 0x1.e3f38399551bfp-25};
    /** cos(g pi/2) = COS[0] + g^2 COS[1] + ...: the same kind of fit, absolute error 4.7e-17. */
    static final double[] COS = {0x1.0000000000000p+0, -0x1.3bd3cc9be458bp+0, 0x1.03c1f081b0780p-2,
        -0x1.55d3c7dbfd139p-6, 0x1.e1f4fb60281f6p-11, -0x1.a6c9c1be9eb49p-16, 0x1.f3dbcea61b1a4p-22};

    private LaneMath() {
    }

    /** -2 ln u for u = 2 - d, d in [1, 2) from the top 52 bits of bits. */
    static double minusTwoLog(long bits) {
        return minusTwoLn(uniform(bits));
    }

    /** u = 2 - d in [2^-52, 1], d in [1, 2) from the top 52 bits of bits. */
    static double uniform(long bits) {
        return 2.0 - Double.longBitsToDouble((bits >>> 12) | ONE_BITS);
    }

    /** -2 ln u for a normal (not subnormal) u > 0, by the class comment's polynomial. */
    static double minusTwoLn(double u) {
        long ub = Double.doubleToRawLongBits(u);
        long mant = ub & MANTISSA;
        long halve = (SQRT2_MANTISSA - mant) >>> 63; // 1 when mant > sqrt 2's
        double m = Double.longBitsToDouble(mant | ((1023L - halve) << 52));
        // e = biased exponent - 1023 + halve, exact as a double by the ROUND trick's inverse.
        double e = Double.longBitsToDouble((ub >>> 52) + halve | 0x4330000000000000L) - (0x1.0p52 + 1023.0);
        double s = (m - 1.0) / (m + 1.0);
        double s2 = s * s;
        double p = LOG[LOG.length - 1];
        for (int i = LOG.length - 2; i >= 0; i--) {
            p = Math.fma(p, s2, LOG[i]);
        }
        double twoS = s + s;
        double lnM = Math.fma(twoS * s2, p, twoS);
        double lnU = Math.fma(e, LN2_HI, Math.fma(e, LN2_LO, lnM));
        return -2.0 * lnU;
    }

    /** g in [-1/2, 1/2) from bits 10..61 of bits (the top two pick the quadrant). */
    static double angle(long bits) {
        return Double.longBitsToDouble(((bits << 2) >>> 12) | ONE_BITS) - 1.5;
    }

    static double sinPoly(double g) {
        double g2 = g * g;
        double p = SIN[SIN.length - 1];
        for (int i = SIN.length - 2; i >= 0; i--) {
            p = Math.fma(p, g2, SIN[i]);
        }
        return g * p;
    }

    static double cosPoly(double g) {
        double g2 = g * g;
        double p = COS[COS.length - 1];
        for (int i = COS.length - 2; i >= 0; i--) {
            p = Math.fma(p, g2, COS[i]);
        }
        return p;
    }

    /**
     * The pair (cos theta, sin theta) rotated into quadrant q = bits >>> 62 from (c, s) of the
     * angle g pi / 2: q = 1 gives (-s, c), q = 2 (-c, -s), q = 3 (s, -c); written as a swap for
     * odd q and sign flips, in bit operations as {@link VectorLanes} computes it. Returns the first (second) of the
     * pair for second == false (true).
     */
    static double quadrant(long bits, double c, double s, boolean second) {
        long q = bits >>> 62;
        long cb = Double.doubleToRawLongBits(c);
        long sb = Double.doubleToRawLongBits(s);
        long swap = ((cb ^ sb) & -(q & 1L));
        if (second) {
            return Double.longBitsToDouble((sb ^ swap) ^ ((q >>> 1) << 63));
        }
        return Double.longBitsToDouble((cb ^ swap) ^ (((q ^ (q >>> 1)) & 1L) << 63));
    }

    /** expm1(y) for y in [-40, 0] (see the class comment). */
    static double expm1(double y) {
        double shifted = Math.fma(y, INV_LN2, ROUND);
        double n = shifted - ROUND;
        double r = Math.fma(n, -LN2_LO, Math.fma(n, -LN2_HI, y));
        double r2 = r * r;
        double even = EXPM1_EVEN[EXPM1_EVEN.length - 1];
        for (int i = EXPM1_EVEN.length - 2; i >= 0; i--) {
            even = Math.fma(even, r2, EXPM1_EVEN[i]);
        }
        double odd = EXPM1_ODD[EXPM1_ODD.length - 1];
        for (int i = EXPM1_ODD.length - 2; i >= 0; i--) {
            odd = Math.fma(odd, r2, EXPM1_ODD[i]);
        }
        double pr = Math.fma(r2, Math.fma(odd, r, even), r);
        double twoN = Double.longBitsToDouble((Double.doubleToRawLongBits(shifted) + 1023L) << 52);
        return Math.fma(twoN, pr, twoN - 1.0);
    }

    /** tanh(v) within 3 ulps (see the class comment). */
    static double tanh(double v) {
        double a = Math.min(Math.abs(v), TANH_CAP);
        double e = expm1(-2.0 * a);
        double t = (0.0 - e) / (2.0 + e); // 0 - e: +0 for e = +-0, so that t carries no sign
        return Double.longBitsToDouble(Double.doubleToRawLongBits(t) | (Double.doubleToRawLongBits(v) & SIGN));
    }

    /** Leaky ReLU of v: v for v > 0, slope v otherwise. */
    static double leaky(double v, double slope) {
        return v > 0.0 ? v : slope * v;
    }
}
