package gnc.kernel;

/**
 * The step the reduced Gram samplers repeat per layer: L, the lower Cholesky factor of the Gram
 * matrix H^T H of a layer's output H (count x m'), then Z &lt;- Z L^T in place. One home, so that
 * GramSampler (which draws Z) and GramForward (which reads Z from a splitting state) sum in the
 * same order and agree bit for bit. Caller-owned workspace, no allocation per draw.
 */
final class GramFactor {
    private final int cols;
    private final double[] gram;
    private final double[] factor;

    GramFactor(int cols) {
        this.cols = cols;
        this.gram = new double[cols * cols];
        this.factor = new double[cols * cols];
    }

    /** L &lt;- the lower Cholesky factor of the Gram matrix of h (count x m'). */
    void factorGramOf(double[] h, int count) {
        if (cols == 5) {
            RowMajorOps5.multInnerLower(h, count, gram);
        } else {
            RowMajorOps.multInnerLower(h, count, cols, gram);
        }
        RowMajorOps.cholesky(gram, cols, factor);
    }

    /** z (count x m') &lt;- z L^T in place. */
    void timesFactorTransposed(double[] z, int count) {
        if (cols == 5) {
            RowMajorOps5.multTransBLowerInPlace(z, count, factor);
        } else {
            RowMajorOps.multTransBLowerInPlace(z, count, cols, factor);
        }
    }
}
