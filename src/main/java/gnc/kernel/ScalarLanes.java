package gnc.kernel;

/**
 * {@link LaneOps} in plain loops over the lanes, one lane at a time through {@link LaneMath}: the
 * kernel of a JVM without the jdk.incubator.vector module, bit for bit the same as
 * {@link VectorLanes} (LanesTest). C2 auto-vectorizes none of it (the normals and tanh need bit
 * reinterpretation and selects, which its superword pass leaves scalar), so it draws 2x to 5x
 * slower than the scalar kernel ({@link GncSampler#scalar}; docs/throughput.md, "Routes").
 */
final class ScalarLanes implements LaneOps {
    private static final int L = LANES;

    @Override
    public void normals(long[] state, double[] out, int pairs) {
        for (int l = 0; l < L; l++) {
            long s0 = state[l];
            long s1 = state[L + l];
            for (int p = 0; p < pairs; p++) {
                long a = s0 + s1; // xoroshiro128+ (Blackman and Vigna): output, then the step
                s1 ^= s0;
                s0 = Long.rotateLeft(s0, 24) ^ s1 ^ (s1 << 16);
                s1 = Long.rotateLeft(s1, 37);
                long b = s0 + s1;
                s1 ^= s0;
                s0 = Long.rotateLeft(s0, 24) ^ s1 ^ (s1 << 16);
                s1 = Long.rotateLeft(s1, 37);
                double rho = Math.sqrt(LaneMath.minusTwoLog(a));
                double g = LaneMath.angle(b);
                double c = LaneMath.cosPoly(g);
                double sn = LaneMath.sinPoly(g);
                out[2 * p * L + l] = rho * LaneMath.quadrant(b, c, sn, false);
                out[(2 * p + 1) * L + l] = rho * LaneMath.quadrant(b, c, sn, true);
            }
            state[l] = s0;
            state[L + l] = s1;
        }
    }

    @Override
    public void uniformProducts(long[] state, int h, double[] out, int at) {
        for (int l = 0; l < L; l++) {
            long s0 = state[l];
            long s1 = state[L + l];
            double product = 1.0;
            for (int i = 0; i < h; i++) {
                long a = s0 + s1; // xoroshiro128+, as in normals
                s1 ^= s0;
                s0 = Long.rotateLeft(s0, 24) ^ s1 ^ (s1 << 16);
                s1 = Long.rotateLeft(s1, 37);
                product *= LaneMath.uniform(a);
            }
            out[at * L + l] = product;
            state[l] = s0;
            state[L + l] = s1;
        }
    }

    @Override
    public void minusTwoLogs(double[] x, int from, int count) {
        for (int i = from * L; i < (from + count) * L; i++) {
            x[i] = LaneMath.minusTwoLn(x[i]);
        }
    }

    @Override
    public void multiply(double[] a, int aOffset, int rows, int inner, double[] b, int cols, double[] c) {
        for (int i = 0; i < rows; i++) {
            for (int col = 0; col < cols; col++) {
                for (int l = 0; l < L; l++) {
                    double acc = 0.0;
                    for (int t = 0; t < inner; t++) {
                        acc = Math.fma(a[(aOffset + i * inner + t) * L + l], b[(t * cols + col) * L + l], acc);
                    }
                    c[(i * cols + col) * L + l] = acc;
                }
            }
        }
    }

    @Override
    public void lowerTimesLower(double[] a, double[] b, int n, double[] c) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < L; l++) {
                    double acc = 0.0;
                    for (int t = j; t <= i; t++) {
                        acc = Math.fma(a[(i * n + t) * L + l], b[(t * n + j) * L + l], acc);
                    }
                    c[(i * n + j) * L + l] = acc;
                }
            }
        }
    }

    @Override
    public void rootOfSum(double[] x, int from, int count, double[] normals, int odd, double[] out, int at) {
        for (int l = 0; l < L; l++) {
            double s = 0.0;
            for (int p = from; p < from + count; p++) {
                s += x[p * L + l];
            }
            if (odd >= 0) {
                double y = normals[odd * L + l];
                s = Math.fma(y, y, s);
            }
            out[at * L + l] = Math.sqrt(s);
        }
    }

    @Override
    public void tanh(double[] x, int n, double scale) {
        for (int i = 0; i < n * L; i++) {
            x[i] = LaneMath.tanh(scale * x[i]);
        }
    }

    @Override
    public void leaky(double[] x, int n, double scale, double slope) {
        for (int i = 0; i < n * L; i++) {
            x[i] = LaneMath.leaky(scale * x[i], slope);
        }
    }

    @Override
    public void scale(double[] x, int n, double scale) {
        for (int i = 0; i < n * L; i++) {
            x[i] = scale * x[i];
        }
    }

    @Override
    public void crankNicolson(double[] x, double[] noise, int from, int to, double rho, double c, double[] out) {
        for (int i = from * L; i < to * L; i++) {
            out[i] = rho * x[i] + c * noise[i];
        }
    }

    @Override
    public void squaredResiduals(double[] rows, double[] targets, int count, int dim, double[] w, double[] scale,
                                 double[] out) {
        for (int l = 0; l < L; l++) {
            double total = 0.0;
            for (int i = 0; i < count; i++) {
                double s = 0.0;
                for (int j = 0; j < dim; j++) {
                    s = Math.fma(rows[i * dim + j], w[j * L + l], s);
                }
                double e = scale[l] * s - targets[i];
                total = Math.fma(e, e, total);
            }
            out[l] = total;
        }
    }

    @Override
    public void sumOfSquares(double[] w, int n, double[] out) {
        for (int l = 0; l < L; l++) {
            double s = 0.0;
            for (int j = 0; j < n; j++) {
                s = Math.fma(w[j * L + l], w[j * L + l], s);
            }
            out[l] = s;
        }
    }

    @Override
    public void gramLower(double[] h, int rows, int n, double[] g) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                for (int l = 0; l < L; l++) {
                    double s = 0.0;
                    for (int a = 0; a < rows; a++) {
                        s = Math.fma(h[(a * n + i) * L + l], h[(a * n + j) * L + l], s);
                    }
                    g[(i * n + j) * L + l] = s;
                }
            }
        }
    }

    @Override
    public void cholesky(double[] g, int n, double[] f) {
        for (int l = 0; l < L; l++) {
            for (int j = 0; j < n; j++) {
                double s = g[(j * n + j) * L + l];
                for (int t = 0; t < j; t++) {
                    double fjt = f[(j * n + t) * L + l];
                    s = Math.fma(-fjt, fjt, s);
                }
                boolean positive = s > 0.0;
                double pivot = positive ? Math.sqrt(s) : 0.0;
                f[(j * n + j) * L + l] = pivot;
                double inv = 1.0 / pivot;
                for (int i = j + 1; i < n; i++) {
                    double v = g[(i * n + j) * L + l];
                    for (int t = 0; t < j; t++) {
                        v = Math.fma(-f[(i * n + t) * L + l], f[(j * n + t) * L + l], v);
                    }
                    f[(i * n + j) * L + l] = positive ? v * inv : 0.0;
                }
            }
        }
    }

    @Override
    public void timesLowerTransposed(double[] z, int rows, int n, double[] f, double[] out) {
        for (int a = 0; a < rows; a++) {
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < L; l++) {
                    double s = 0.0;
                    for (int t = 0; t <= j; t++) {
                        s = Math.fma(z[(a * n + t) * L + l], f[(j * n + t) * L + l], s);
                    }
                    out[(a * n + j) * L + l] = s;
                }
            }
        }
    }
}
