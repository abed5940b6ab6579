package gnc.kernel;

/**
 * A sampler of W for {@link LaneOps#LANES} draws at once ({@link LaneSampler}: the direct law;
 * {@link LaneGramSampler}: the reduced one), from the lane streams.
 */
interface LaneProductSampler {
    /** Writes LANES draws of W (entry e of lane l at w[e LANES + l]), advancing state. */
    void sample(long[] state, double[] w);
}
