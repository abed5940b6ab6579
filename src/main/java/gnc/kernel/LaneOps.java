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
     * stream: state[l] is its Weyl state, advanced by its odd increment state[LANES + l] before
     * each output, the output being {@link Streams#mix64} of the state.
     */
    void normals(long[] state, double[] out, int pairs);

    /**
     * c (rows x cols) = a (rows x inner, from entry aOffset) times b (inner x cols), per lane;
     * each entry an fma chain from 0.0 over t ascending.
     */
    void multiply(double[] a, int aOffset, int rows, int inner, double[] b, int cols, double[] c);

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
}
