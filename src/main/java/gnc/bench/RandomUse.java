package gnc.bench;

import gnc.kernel.ChiSquare;
import gnc.kernel.Factorization;
import gnc.kernel.Prior;
import gnc.kernel.SamplerKind;
import java.util.SplittableRandom;

/**
 * The random numbers one G&C draw of W consumes, in the order the sampler consumes them, as its
 * documented draw order (its class comment) states it: {@code layers} times (drawsPerLayer
 * variates of the prior's base law D, then one chi-square variate per entry of
 * chiSquareDegrees), then finalDraws variates of D. {@link #replay} generates these random numbers
 * with no other work, which is how the bench measures their share of a draw's time.
 */
record RandomUse(Prior prior, int layers, int drawsPerLayer, int[] chiSquareDegrees, int finalDraws) {

    /**
     * What a draw of the sampler that kind creates for the model and prior consumes:
     * <ul>
     *   <li>direct (PriorSampler): every weight, W_1 .. W_d;</li>
     *   <li>reduced, linear (WishartSampler): for each of the d - 1 Bartlett factors its
     *       m'(m'-1)/2 below-diagonal normals, then chi-squares with k, k-1, .., k-m'+1 degrees
     *       of freedom; then Z (m x m');</li>
     *   <li>reduced, non-linear (GramSampler): W_1 (k x m'), Z_j (k x m') for 1 &lt; j &lt; d,
     *       then Z (m x m').</li>
     * </ul>
     */
    static RandomUse of(Factorization model, Prior prior, SamplerKind kind) {
        int k = model.width();
        int cols = model.cols();
        if (kind.resolve(model, prior) == SamplerKind.DIRECT) {
            return new RandomUse(prior, 0, 0, new int[0], model.parameterCount());
        }
        int last = model.rows() * cols;
        if (!model.activation().isLinear()) {
            return new RandomUse(prior, 0, 0, new int[0], (model.depth() - 1) * k * cols + last);
        }
        int[] degrees = new int[cols];
        for (int i = 0; i < cols; i++) {
            degrees[i] = k - i;
        }
        return new RandomUse(prior, model.depth() - 1, cols * (cols - 1) / 2, degrees, last);
    }

    /** The longest run of base-law variates drawn at once: the length {@link #replay}'s scratch needs. */
    int longestRun() {
        return Math.max(1, Math.max(drawsPerLayer, finalDraws));
    }

    /** One chi-square sampler per entry of chiSquareDegrees, for {@link #replay}. */
    ChiSquare[] chiSquares() {
        ChiSquare[] out = new ChiSquare[chiSquareDegrees.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = new ChiSquare(chiSquareDegrees[i]);
        }
        return out;
    }

    /**
     * Generates one draw's random numbers from rng, in the draw's order, into scratch (length >=
     * {@link #longestRun()}); returns a checksum, so that the work cannot be optimized away.
     */
    double replay(SplittableRandom rng, ChiSquare[] chiSquares, double[] scratch) {
        double sum = 0.0;
        for (int j = 0; j < layers; j++) {
            prior.fill(rng, scratch, drawsPerLayer, 1.0);
            sum += scratch[0];
            for (ChiSquare c : chiSquares) {
                sum += c.draw(rng);
            }
        }
        prior.fill(rng, scratch, finalDraws, 1.0);
        return sum + scratch[0];
    }
}
