package gnc.kernel;

/**
 * {@link RowMajorOps} for m' = 5, the paper's shape (five columns, or 5 x 5 triangles), unrolled,
 * in the manner of EJML's CommonOps_DDF5 beside CommonOps_DDRM. Each operation performs the same
 * additions in the same order as the one of the same name in RowMajorOps, so the two agree bit
 * for bit (RowMajorOpsTest checks every pair); the one exception, {@link #multInnerLower}, says
 * so. (The unrolled triangular products start each sum from its first term instead of adding
 * that term to 0.0; the two differ only when it is -0.0, which 0.0 + -0.0 turns into +0.0, so
 * at most in the sign of a zero.)
 */
final class RowMajorOps5 {
    private RowMajorOps5() {
    }

    /**
     * {@link RowMajorOps#mult} with cols = 5: a row's five sums in locals rather than in memory
     * (the general loop reloads and stores them for every t).
     */
    static void mult(double[] a, int aOffset, int rows, int inner, double[] b, double[] c) {
        for (int i = 0; i < rows; i++) {
            double s0 = 0.0;
            double s1 = 0.0;
            double s2 = 0.0;
            double s3 = 0.0;
            double s4 = 0.0;
            int aRow = aOffset + i * inner;
            for (int t = 0; t < inner; t++) {
                double ait = a[aRow + t];
                int bRow = t * 5;
                s0 += ait * b[bRow];
                s1 += ait * b[bRow + 1];
                s2 += ait * b[bRow + 2];
                s3 += ait * b[bRow + 3];
                s4 += ait * b[bRow + 4];
            }
            int row = i * 5;
            c[row] = s0;
            c[row + 1] = s1;
            c[row + 2] = s2;
            c[row + 3] = s3;
            c[row + 4] = s4;
        }
    }

    /**
     * {@link RowMajorOps#multLower} with n = 5, unrolled: the loops' overhead on their short
     * triangular ranges cost more than the 35 multiply-adds (measured: depth 10 draws 18% faster).
     */
    static void multLower(double[] l, double[] b, double[] c) {
        double l00 = l[0];
        double l10 = l[5];
        double l11 = l[6];
        double l20 = l[10];
        double l21 = l[11];
        double l22 = l[12];
        double l30 = l[15];
        double l31 = l[16];
        double l32 = l[17];
        double l33 = l[18];
        double l40 = l[20];
        double l41 = l[21];
        double l42 = l[22];
        double l43 = l[23];
        double l44 = l[24];
        double b00 = b[0];
        double b10 = b[5];
        double b11 = b[6];
        double b20 = b[10];
        double b21 = b[11];
        double b22 = b[12];
        double b30 = b[15];
        double b31 = b[16];
        double b32 = b[17];
        double b33 = b[18];
        double b40 = b[20];
        double b41 = b[21];
        double b42 = b[22];
        double b43 = b[23];
        double b44 = b[24];
        c[0] = l00 * b00;
        c[5] = l10 * b00 + l11 * b10;
        c[6] = l11 * b11;
        c[10] = l20 * b00 + l21 * b10 + l22 * b20;
        c[11] = l21 * b11 + l22 * b21;
        c[12] = l22 * b22;
        c[15] = l30 * b00 + l31 * b10 + l32 * b20 + l33 * b30;
        c[16] = l31 * b11 + l32 * b21 + l33 * b31;
        c[17] = l32 * b22 + l33 * b32;
        c[18] = l33 * b33;
        c[20] = l40 * b00 + l41 * b10 + l42 * b20 + l43 * b30 + l44 * b40;
        c[21] = l41 * b11 + l42 * b21 + l43 * b31 + l44 * b41;
        c[22] = l42 * b22 + l43 * b32 + l44 * b42;
        c[23] = l43 * b33 + l44 * b43;
        c[24] = l44 * b44;
    }

    /** {@link RowMajorOps#multTransBLowerInPlace} with n = 5, unrolled (as {@link #multLower}). */
    static void multTransBLowerInPlace(double[] z, int rows, double[] l) {
        double l00 = l[0];
        double l10 = l[5];
        double l11 = l[6];
        double l20 = l[10];
        double l21 = l[11];
        double l22 = l[12];
        double l30 = l[15];
        double l31 = l[16];
        double l32 = l[17];
        double l33 = l[18];
        double l40 = l[20];
        double l41 = l[21];
        double l42 = l[22];
        double l43 = l[23];
        double l44 = l[24];
        for (int a = 0; a < rows; a++) {
            int r = a * 5;
            double z0 = z[r + 0];
            double z1 = z[r + 1];
            double z2 = z[r + 2];
            double z3 = z[r + 3];
            double z4 = z[r + 4];
            z[r + 0] = z0 * l00;
            z[r + 1] = z0 * l10 + z1 * l11;
            z[r + 2] = z0 * l20 + z1 * l21 + z2 * l22;
            z[r + 3] = z0 * l30 + z1 * l31 + z2 * l32 + z3 * l33;
            z[r + 4] = z0 * l40 + z1 * l41 + z2 * l42 + z3 * l43 + z4 * l44;
        }
    }

    /**
     * The lower triangle of g = h^T h (5 x 5) for h (rows x 5): the fifteen sums in locals, one
     * pass over the rows (each row's five entries loaded once), so g_ij = sum over all rows
     * ascending of h_ai h_aj. Not the order of {@link RowMajorOps#multInnerLower}, which splits the
     * rows into two interleaved sums.
     */
    static void multInnerLower(double[] h, int rows, double[] g) {
        double g00 = 0.0;
        double g10 = 0.0;
        double g11 = 0.0;
        double g20 = 0.0;
        double g21 = 0.0;
        double g22 = 0.0;
        double g30 = 0.0;
        double g31 = 0.0;
        double g32 = 0.0;
        double g33 = 0.0;
        double g40 = 0.0;
        double g41 = 0.0;
        double g42 = 0.0;
        double g43 = 0.0;
        double g44 = 0.0;
        for (int a = 0; a < rows; a++) {
            int r = a * 5;
            double h0 = h[r + 0];
            double h1 = h[r + 1];
            double h2 = h[r + 2];
            double h3 = h[r + 3];
            double h4 = h[r + 4];
            g00 += h0 * h0;
            g10 += h1 * h0;
            g11 += h1 * h1;
            g20 += h2 * h0;
            g21 += h2 * h1;
            g22 += h2 * h2;
            g30 += h3 * h0;
            g31 += h3 * h1;
            g32 += h3 * h2;
            g33 += h3 * h3;
            g40 += h4 * h0;
            g41 += h4 * h1;
            g42 += h4 * h2;
            g43 += h4 * h3;
            g44 += h4 * h4;
        }
        g[0] = g00;
        g[5] = g10;
        g[6] = g11;
        g[10] = g20;
        g[11] = g21;
        g[12] = g22;
        g[15] = g30;
        g[16] = g31;
        g[17] = g32;
        g[18] = g33;
        g[20] = g40;
        g[21] = g41;
        g[22] = g42;
        g[23] = g43;
        g[24] = g44;
    }
}
