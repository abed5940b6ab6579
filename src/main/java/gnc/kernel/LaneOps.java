package gnc.kernel;

/**
 * The lane kernel's operations on structure-of-arrays workspaces: LANES independent draws side by
 * side, entry e of lane l at index e * LANES + l. LANES is part of the algorithm (a block's draws
 * depend on it), never the machine's vector width. Two implementations compute the same bits:
 * {@link VectorLanes} (the Vector API) and {@link ScalarLanes} (plain loops, used when the JVM
 * lacks the jdk.incubator.vector module); {@link Lanes#ops} picks one.
 */
interface LaneOps {
    int LANES = 8;

    /**
     * Writes 2 * pairs normals per lane, out[(2p) LANES + l] and out[(2p + 1) LANES + l] for
     * p < pairs, each pair by {@link LaneMath}'s Box-Muller from the next two outputs of lane l's
     * stream: xoroshiro128+ with state (state[l], state[LANES + l]), each output s0 + s1 taken
     * before the state steps.
     */
    void normals(long[] state, double[] out, int pairs);

    /**
     * The most uniforms {@link #uniformProducts} multiplies: 16, each at least 2^-52, stay above
     * 2^-832, a normal double (its logarithm, {@link #minusTwoLogs}, reads the exponent bits).
     */
    int MAX_UNIFORMS = 16;

    /**
     * out[at LANES + l] = U_1 U_2 ... U_h for each lane l (1 <= h <= {@link #MAX_UNIFORMS}):
     * U_i = {@link LaneMath#uniform} of lane l's next h stream outputs in order (stepped as
     * {@link #normals} steps it), multiplied from 1.0 in order. -2 ln of it is a chi-square with 2h
     * degrees of freedom (a sum of h exponentials of mean 2).
     */
    void uniformProducts(long[] state, int h, double[] out, int at);

    /**
     * x[e LANES + l] = {@link LaneMath#minusTwoLn} of itself for entries e in [from, from + count),
     * each a positive normal double. Apart from {@link #uniformProducts} so that the logarithms of
     * several products run side by side (each a long dependent chain).
     */
    void minusTwoLogs(double[] x, int from, int count);

    /**
     * c (rows x cols) = a (rows x inner, from entry aOffset) times b (inner x cols), per lane;
     * each entry an fma chain from 0.0 over t ascending.
     */
    void multiply(double[] a, int aOffset, int rows, int inner, double[] b, int cols, double[] c);

    /**
     * c (n x n) = a times b per lane, both lower triangular (entries above their diagonals not
     * read): c_ij for i >= j the fma chain from 0.0 of a_it b_tj over t = j .. i ascending, and
     * 0.0 above the diagonal. The values of {@link #multiply} of the two with zeros above their
     * diagonals: the terms it adds besides these are +-0, which leave a chain unchanged unless it
     * is exactly zero (then only the sign of that zero could differ).
     */
    void lowerTimesLower(double[] a, double[] b, int n, double[] c);

    /**
     * out[at LANES + l] = sqrt(s), s = 0.0 + x[from] + ... + x[from + count - 1] (lane l's entries,
     * ascending), then, when odd >= 0, s = fma(y, y, s) with y = normals[odd LANES + l]: a chi-square's
     * square root from its parts (-2 ln of uniform products, {@link #minusTwoLogs}, and a normal).
     */
    void rootOfSum(double[] x, int from, int count, double[] normals, int odd, double[] out, int at);

    /** x = tanh(scale x) entry-wise for entries 0 .. n, by {@link LaneMath#tanh}. */
    void tanh(double[] x, int n, double scale);

    /** x = leaky ReLU(scale x) entry-wise for entries 0 .. n, by {@link LaneMath#leaky}. */
    void leaky(double[] x, int n, double scale, double slope);

    /** x = scale x entry-wise for entries 0 .. n. */
    void scale(double[] x, int n, double scale);

    /**
     * The preconditioned Crank-Nicolson proposal out = rho x + c noise (two products, then their
     * sum: no fma) entry-wise for entries from .. to.
     */
    void crankNicolson(double[] x, double[] noise, int from, int to, double rho, double c, double[] out);

    /**
     * out[l] = sum over rows i ascending of (scale[l] s_il - targets[i])^2, s_il the fma chain
     * from 0.0 of rows[i dim + j] w_jl over j ascending (rows: count x dim, one broadcast value
     * per entry; w: dim entries per lane).
     */
    void squaredResiduals(double[] rows, double[] targets, int count, int dim, double[] w, double[] scale,
                          double[] out);

    /** out[l] = the fma chain from 0.0 of w_jl^2 over entries j < n ascending. */
    void sumOfSquares(double[] w, int n, double[] out);

    /**
     * The lower triangle (i >= j) of g = h^T h (n x n) per lane for h (rows x n): g_ij the fma
     * chain from 0.0 of h_ai h_aj over rows a ascending. Entries above the diagonal are not written.
     */
    void gramLower(double[] h, int rows, int n, double[] g);

    /**
     * f (n x n, lower triangle; entries above the diagonal not written) = the lower Cholesky
     * factor of g (n x n, lower triangle read) per lane, column j ascending: s = g_jj minus
     * f_jt^2 for t < j ascending (each an fma), f_jj = sqrt(s), and for i > j
     * f_ij = (g_ij minus f_it f_jt for t < j ascending, each an fma) times 1 / f_jj; a lane whose
     * pivot s is not positive (rounding, a rank-deficient g, NaN) gets column j zero, as
     * {@link RowMajorOps#cholesky}: the factor of a positive semi-definite g of lower rank.
     */
    void cholesky(double[] g, int n, double[] f);

    /**
     * out (rows x n) = z (rows x n) times f^T per lane, f lower triangular (n x n, entries above
     * the diagonal not read): out_aj the fma chain from 0.0 of z_at f_jt over t = 0 .. j ascending.
     */
    void timesLowerTransposed(double[] z, int rows, int n, double[] f, double[] out);
}
