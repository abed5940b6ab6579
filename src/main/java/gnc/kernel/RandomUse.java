package gnc.kernel;

import java.util.SplittableRandom;

/**
 * The random numbers one draw of a {@link ProductSampler} consumes: variates of the prior's base
 * law D, and chi-square variates with the given degrees of freedom. {@link #replay} generates the
 * same random numbers with no other work, which is how the bench measures their share of a draw.
 */
public record RandomUse(Prior prior, int baseDraws, int[] chiSquareDegrees) {

    /** Generates one draw's random numbers into scratch (length >= baseDraws); returns a checksum. */
    public double replay(SplittableRandom rng, ChiSquare[] chiSquares, double[] scratch) {
        prior.fill(rng, scratch, baseDraws, 1.0);
        double sum = scratch[0];
        for (ChiSquare c : chiSquares) {
            sum += c.draw(rng);
        }
        return sum;
    }

    /** One chi-square sampler per entry of chiSquareDegrees, for {@link #replay}. */
    public ChiSquare[] chiSquares() {
        ChiSquare[] out = new ChiSquare[chiSquareDegrees.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = new ChiSquare(chiSquareDegrees[i]);
        }
        return out;
    }
}
