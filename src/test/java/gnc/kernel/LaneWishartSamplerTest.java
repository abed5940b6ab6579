package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reduced sampler of linear factorizations in lanes ({@link LaneWishartSampler}): every lane's
 * W against brute force from its lane stream (the documented draws and operations one lane at a
 * time on plain matrices: bit for bit), the law of its draws against the scalar
 * {@link WishartSampler}, the law of a Bartlett diagonal against its chi-square, and where it draws.
 */
class LaneWishartSamplerTest {
    private static final int L = LaneOps.LANES;

    /** rows x cols, width, depth: m' = 5 with odd and even k, products of 16 uniforms and more, m != m'. */
    @ParameterizedTest(name = "{0} x {1} width {2} depth {3}")
    @CsvSource({"5, 5, 5, 2", "5, 5, 5, 10", "5, 5, 6, 3", "5, 5, 33, 4", "5, 5, 40, 4", "5, 5, 80, 2", "4, 3, 3, 5", "6, 3, 8, 3"})
    void everyLaneIsTheBruteForceDrawOfItsStream(int m, int n, int k, int d) {
        Factorization f = new Factorization(m, n, k, d, Activation.linear());
        long[] state = new long[2 * L];
        Lanes.seed(Streams.stream(750L, m, n, k, d), state);
        long[] replay = state.clone();
        LaneWishartSampler sampler = new LaneWishartSampler(f, Lanes.ops());
        double[] w = new double[m * n * L];
        for (int group = 0; group < 3; group++) {
            sampler.sample(state, w);
            double[][][] factors = new double[d - 1][][];
            for (int j = 0; j < d - 1; j++) {
                factors[j] = bartlettFactors(f, replay);
            }
            double[][] z = normals(replay, m * n);
            for (int l = 0; l < L; l++) {
                double[] exact = bruteForce(f, factors, z[l], l);
                for (int e = 0; e < m * n; e++) {
                    int at = e;
                    int lane = l;
                    assertEquals(Double.doubleToRawLongBits(exact[e]), Double.doubleToRawLongBits(w[e * L + l]),
                            () -> "lane " + lane + " entry " + at + ": " + exact[at] + " vs " + w[at * L + lane]);
                }
            }
        }
        assertEquals(java.util.Arrays.toString(replay), java.util.Arrays.toString(state), "the streams advanced alike");
    }

    /**
     * The lane Wishart sampler and the scalar WishartSampler draw the same law: KernelLaws' three
     * checks (a false failure below 2.06e-5 per case, below 1.7e-4 for the 8 cases) on DRAWS draws
     * of each from unrelated fixed streams.
     */
    @ParameterizedTest(name = "width {0} depth {1} normalize {2}")
    @CsvSource({"5, 2, false", "5, 6, false", "5, 10, false", "6, 3, false", "14, 4, true", "33, 2, false",
        "80, 3, false", "7, 11, true"})
    void drawsTheScalarWishartSamplersLaw(int k, int d, boolean normalize) {
        int draws = 40_000;
        ProblemInstance problem = ProblemGenerator.generate(ProblemSettings.PAPER, Streams.stream(753L, 0));
        Factorization f = new Factorization(5, 5, k, d, Activation.linear());
        GncSettings settings = new GncSettings(Prior.GAUSS, normalize, GncSettings.DEFAULT_SOFTENING,
                SamplerKind.REDUCED);
        assertEquals(Lanes.WISHART_KERNEL, Lanes.kernel(f, settings));
        double[][] lanes = KernelLaws.losses(new GncSampler(problem, f, settings), Streams.stream(754L, k, d), draws);
        double[][] scalar = KernelLaws.losses(GncSampler.scalar(problem, f, settings), Streams.stream(755L, k, d), draws);
        KernelLaws.assertSameLaw(lanes, scalar);
    }

    /**
     * Each squared diagonal entry B_ii^2 of a Bartlett factor is a chi-square with k - i degrees
     * of freedom: at k = 5, 5 .. 1 (products of uniforms with and without a normal's square, a
     * normal's square alone); at k = 37, 37 .. 33 (a product
     * of 16 uniforms and one of 2 or 1 more, or 16 alone).
     * Mean k - i, variance 2 (k - i). z-tests on the sample means over 8 x 20000 factors, |z| < 5:
     * a correct kernel fails one of the ten with probability 5.7e-6.
     */
    @ParameterizedTest(name = "width {0}")
    @CsvSource({"5", "37"})
    void bartlettDiagonalsAreChiSquares(int k) {
        Factorization f = new Factorization(5, 5, k, 2, Activation.linear());
        long[] state = new long[2 * L];
        Lanes.seed(Streams.stream(756L, k), state);
        int factors = 20_000 * L;
        double[] sum = new double[5];
        for (int g = 0; g < factors / L; g++) {
            double[][] b = bartlettFactors(f, state);
            for (int l = 0; l < L; l++) {
                for (int i = 0; i < 5; i++) {
                    double x = b[l][i * 5 + i];
                    sum[i] += x * x;
                }
            }
        }
        for (int i = 0; i < 5; i++) {
            int dof = k - i;
            double mean = sum[i] / factors;
            double z = (mean - dof) / Math.sqrt(2.0 * dof / factors);
            assertTrue(Math.abs(z) < 5, "B_ii^2 with " + dof + " degrees of freedom: mean " + mean + ", z = " + z);
        }
    }

    @Test
    void drawsInLanesUpToItsWidthAndIsPartOfTheStreamIdentity() {
        GncSettings reduced = new GncSettings(Prior.GAUSS, false, 0.0, SamplerKind.REDUCED);
        GncSettings auto = new GncSettings(Prior.GAUSS, false, 0.0, SamplerKind.AUTO);
        Factorization narrow = new Factorization(5, 5, 5, 10, Activation.linear());
        Factorization widest = new Factorization(5, 5, Lanes.MAX_WISHART_WIDTH, 2, Activation.linear());
        Factorization wider = new Factorization(5, 5, Lanes.MAX_WISHART_WIDTH + 1, 2, Activation.linear());
        assertEquals(Lanes.WISHART_KERNEL, Lanes.kernel(narrow, reduced));
        assertEquals(Lanes.KERNEL, Lanes.kernel(narrow, auto), "auto draws directly at k = m', reduced from 2 m'");
        assertEquals(Lanes.WISHART_KERNEL, Lanes.kernel(new Factorization(5, 5, 10, 6, Activation.linear()), auto));
        assertEquals(Lanes.WISHART_KERNEL, Lanes.kernel(widest, reduced));
        assertEquals(Lanes.SCALAR, Lanes.kernel(wider, reduced), "k/2 uniforms per chi-square: one gamma variate wins at k = 160");
        assertTrue(Streams.ALGORITHM.contains(Lanes.WISHART_KERNEL));
        assertThrows(IllegalArgumentException.class,
                () -> new LaneWishartSampler(new Factorization(5, 5, 4, 2, Activation.linear()), Lanes.ops()));
        assertThrows(IllegalArgumentException.class, () -> new LaneWishartSampler(wider, Lanes.ops()));
        assertThrows(IllegalArgumentException.class,
                () -> new LaneWishartSampler(new Factorization(5, 5, 5, 2, Activation.tanh()), Lanes.ops()));
    }

    /** One Bartlett factor per lane by ScalarLanes, as the class comment orders its draws: [lane][n x n]. */
    private static double[][] bartlettFactors(Factorization f, long[] state) {
        int n = f.cols();
        int k = f.width();
        int odd = 0;
        for (int i = 0; i < n; i++) {
            odd += (k - i) % 2;
        }
        double[][] below = normals(state, n * (n - 1) / 2 + odd);
        double[][] even = new double[n][L];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < L; l++) {
                double chi = 0.0;
                for (int left = (k - i) / 2; left > 0; left -= LaneOps.MAX_UNIFORMS) {
                    double product = 1.0;
                    for (int u = 0; u < Math.min(left, LaneOps.MAX_UNIFORMS); u++) {
                        product *= LaneMath.uniform(nextOutput(state, l));
                    }
                    chi += LaneMath.minusTwoLn(product);
                }
                even[i][l] = chi;
            }
        }
        double[][] b = new double[L][n * n];
        for (int l = 0; l < L; l++) {
            int next = 0;
            for (int i = 1; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    b[l][i * n + j] = below[l][next++];
                }
            }
            for (int i = 0; i < n; i++) {
                double chi = even[i][l];
                if ((k - i) % 2 == 1) {
                    double x = below[l][next++];
                    chi = Math.fma(x, x, chi);
                }
                b[l][i * n + i] = Math.sqrt(chi);
            }
        }
        return b;
    }

    /** Lane l's next xoroshiro128+ output, its state stepped (LaneOps#normals). */
    private static long nextOutput(long[] state, int l) {
        long s0 = state[l];
        long s1 = state[L + l];
        long out = s0 + s1;
        s1 ^= s0;
        state[l] = Long.rotateLeft(s0, 24) ^ s1 ^ (s1 << 16);
        state[L + l] = Long.rotateLeft(s1, 37);
        return out;
    }

    /** count normals per lane from one ScalarLanes normals call: [lane][entry]. */
    private static double[][] normals(long[] state, int count) {
        int pairs = LaneGramSampler.pairs(count);
        double[] z = new double[2 * pairs * L];
        new ScalarLanes().normals(state, z, pairs);
        double[][] out = new double[L][count];
        for (int l = 0; l < L; l++) {
            for (int e = 0; e < count; e++) {
                out[l][e] = z[e * L + l];
            }
        }
        return out;
    }

    /** Lane l's W: L = B_1 ... B_{d-1} (full fma chains from 0.0), W = s (Z L^T), s = s_d s_1 ... s_{d-1} in that order. */
    private static double[] bruteForce(Factorization f, double[][][] factors, double[] z, int l) {
        int n = f.cols();
        double[] product = factors[0][l].clone();
        for (int j = 1; j < factors.length; j++) {
            double[] next = new double[n * n];
            for (int a = 0; a < n; a++) {
                for (int c = 0; c < n; c++) {
                    double acc = 0.0;
                    for (int t = 0; t < n; t++) {
                        acc = Math.fma(product[a * n + t], factors[j][l][t * n + c], acc);
                    }
                    next[a * n + c] = acc;
                }
            }
            product = next;
        }
        double s = f.priorScale(f.depth());
        for (int j = 1; j < f.depth(); j++) {
            s *= f.priorScale(j);
        }
        double[] w = new double[f.rows() * n];
        for (int a = 0; a < f.rows(); a++) {
            for (int c = 0; c < n; c++) {
                double acc = 0.0;
                for (int t = 0; t <= c; t++) {
                    acc = Math.fma(z[a * n + t], product[c * n + t], acc);
                }
                w[a * n + c] = s * acc;
            }
        }
        return w;
    }
}
