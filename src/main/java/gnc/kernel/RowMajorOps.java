package gnc.kernel;

/**
 * The kernel's dense matrix operations, for any size, on caller-owned row-major double arrays
 * (entry (i, j) of an r x c matrix at i * c + j), in the manner of EJML's CommonOps_DDRM: static,
 * writing into a caller-given output, allocating nothing. {@link RowMajorOps5} holds the same
 * operations for m' = 5 (five columns, or 5 x 5), the paper's shape, unrolled.
 *
 * <p>Each operation's summation order is part of its contract, since the samplers' results, bit
 * for bit, rest on it: every sum starts from 0.0 and adds its terms in the order stated (for
 * {@link #mult} the running sums live in the output array, for the others in locals; either way
 * the same additions in the same order). Where an operation of {@link RowMajorOps5} has the same
 * name, it performs the same additions in the same order, so the two agree bit for bit.
 */
final class RowMajorOps {
    private RowMajorOps() {
    }

    /**
     * c (rows x cols) = a b, a (rows x inner) stored from a[aOffset], b (inner x cols):
     * c_ij = sum over t = 0 .. inner-1 of a_it b_tj.
     */
    static void mult(double[] a, int aOffset, int rows, int inner, double[] b, int cols, double[] c) {
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            for (int j = 0; j < cols; j++) {
                c[row + j] = 0.0;
            }
            int aRow = aOffset + i * inner;
            for (int t = 0; t < inner; t++) {
                double ait = a[aRow + t];
                int bRow = t * cols;
                for (int j = 0; j < cols; j++) {
                    c[row + j] += ait * b[bRow + j];
                }
            }
        }
    }

    /**
     * c (inner x cols) = a^T b, a (rows x inner) stored from a[aOffset], b (rows x cols):
     * c_ij = sum over t = 0 .. rows-1 of a_ti b_tj.
     */
    static void multTransA(double[] a, int aOffset, int rows, int inner, double[] b, int cols, double[] c) {
        for (int i = 0; i < inner * cols; i++) {
            c[i] = 0.0;
        }
        for (int t = 0; t < rows; t++) {
            int aRow = aOffset + t * inner;
            int bRow = t * cols;
            for (int i = 0; i < inner; i++) {
                double ati = a[aRow + i];
                int row = i * cols;
                for (int j = 0; j < cols; j++) {
                    c[row + j] += ati * b[bRow + j];
                }
            }
        }
    }

    /**
     * c (rows x bRows), stored from c[cOffset], = a b^T, a (rows x cols), b (bRows x cols):
     * c_ij = sum over t = 0 .. cols-1 of a_it b_jt.
     */
    static void multTransB(double[] a, int rows, double[] b, int bRows, int cols, double[] c, int cOffset) {
        for (int i = 0; i < rows; i++) {
            int aRow = i * cols;
            int row = cOffset + i * bRows;
            for (int j = 0; j < bRows; j++) {
                int bRow = j * cols;
                double s = 0.0;
                for (int t = 0; t < cols; t++) {
                    s += a[aRow + t] * b[bRow + t];
                }
                c[row + j] = s;
            }
        }
    }

    /**
     * c = l b, all lower triangular n x n (entries above the diagonal neither read nor written):
     * c_ij = sum over t = j .. i of l_it b_tj.
     */
    static void multLower(double[] l, double[] b, double[] c, int n) {
        for (int i = 0; i < n; i++) {
            int r = i * n;
            for (int j = 0; j <= i; j++) {
                double s = 0.0;
                for (int t = j; t <= i; t++) {
                    s += l[r + t] * b[t * n + j];
                }
                c[r + j] = s;
            }
        }
    }

    /**
     * z (rows x n) &lt;- z l^T in place, l lower triangular n x n: entry j of a row becomes
     * sum over t = 0 .. j of z_t l_jt, computed for j = n-1 down to 0 so that it reads only
     * entries not yet replaced.
     */
    static void multTransBLowerInPlace(double[] z, int rows, int n, double[] l) {
        for (int a = 0; a < rows; a++) {
            int r = a * n;
            for (int j = n - 1; j >= 0; j--) {
                int lr = j * n;
                double s = 0.0;
                for (int t = 0; t <= j; t++) {
                    s += z[r + t] * l[lr + t];
                }
                z[r + j] = s;
            }
        }
    }

    /**
     * The lower triangle (i &gt;= j) of g = h^T h (n x n) for h (rows x n); entries above the
     * diagonal are not written. Dot products of column i with columns j and j + 1 at once, each
     * load of column i serving both, over the rows in two interleaved halves so that four
     * independent sums keep the adders busy: g_ij = (sum over even rows a &lt; 2 floor(rows/2),
     * ascending, then the last row when rows is odd) + (sum over odd rows, ascending).
     * {@link RowMajorOps5#multInnerLower} sums in another order (all rows ascending in one sum).
     */
    static void multInnerLower(double[] h, int rows, int n, double[] g) {
        int pairs = rows & ~1;
        for (int i = 0; i < n; i++) {
            int j = 0;
            for (; j + 1 <= i; j += 2) {
                double s00 = 0.0;
                double s01 = 0.0;
                double s10 = 0.0;
                double s11 = 0.0;
                for (int a = 0; a < pairs; a += 2) {
                    int r = a * n;
                    int q = r + n;
                    double hi = h[r + i];
                    double qi = h[q + i];
                    s00 += hi * h[r + j];
                    s01 += hi * h[r + j + 1];
                    s10 += qi * h[q + j];
                    s11 += qi * h[q + j + 1];
                }
                if (pairs < rows) {
                    int r = pairs * n;
                    s00 += h[r + i] * h[r + j];
                    s01 += h[r + i] * h[r + j + 1];
                }
                g[i * n + j] = s00 + s10;
                g[i * n + j + 1] = s01 + s11;
            }
            if (j <= i) {
                double s0 = 0.0;
                double s1 = 0.0;
                for (int a = 0; a < pairs; a += 2) {
                    int r = a * n;
                    s0 += h[r + i] * h[r + j];
                    s1 += h[r + n + i] * h[r + n + j];
                }
                if (pairs < rows) {
                    int r = pairs * n;
                    s0 += h[r + i] * h[r + j];
                }
                g[i * n + j] = s0 + s1;
            }
        }
    }

    /**
     * The lower Cholesky factor l (n x n; entries above the diagonal untouched) of the symmetric
     * positive semi-definite g, given by its lower triangle: column by column,
     * l_jj = sqrt(g_jj - sum over t &lt; j of l_jt^2) and l_ij = (g_ij - sum over t &lt; j of
     * l_it l_jt) / l_jj below it, each sum subtracted term by term, t ascending. A non-positive
     * pivot zeroes its column (the factor of a semi-definite g of lower rank).
     */
    static void cholesky(double[] g, int n, double[] l) {
        for (int j = 0; j < n; j++) {
            int rj = j * n;
            double s = g[rj + j];
            for (int t = 0; t < j; t++) {
                s -= l[rj + t] * l[rj + t];
            }
            if (!(s > 0.0)) {
                for (int i = j; i < n; i++) {
                    l[i * n + j] = 0.0;
                }
                continue;
            }
            double pivot = Math.sqrt(s);
            l[rj + j] = pivot;
            double inv = 1.0 / pivot;
            for (int i = j + 1; i < n; i++) {
                int ri = i * n;
                double v = g[ri + j];
                for (int t = 0; t < j; t++) {
                    v -= l[ri + t] * l[rj + t];
                }
                l[ri + j] = v * inv;
            }
        }
    }

    /** ||x||_F = sqrt(sum of x_i^2), the sum over the whole array in index order. */
    static double normF(double[] x) {
        double s = 0.0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
