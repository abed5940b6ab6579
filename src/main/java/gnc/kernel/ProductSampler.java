package gnc.kernel;

import java.util.SplittableRandom;

/**
 * Draws the end-to-end matrix W = W_d sigma(... sigma(W_1)) of a factorization whose weights are
 * iid from the G&C prior (docs/science.md §3). Implementations differ in how they use the random stream,
 * never in the law of W. One instance per thread; a draw allocates nothing.
 */
public interface ProductSampler {
    /** Writes one prior draw of W (row-major m x m') into w. */
    void sample(SplittableRandom rng, double[] w);
}
