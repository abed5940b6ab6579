package gnc.kernel;

/**
 * A forked JVM's entry point for LanesWithoutTheModuleTest: prints whether this JVM computes lanes
 * with the Vector API, then {@link #of()}.
 */
public final class LaneChecksum {
    private LaneChecksum() {
    }

    public static void main(String[] args) {
        System.out.println(Lanes.vectorized() + " " + of());
    }

    /** A lane G&C block's statistics, their bits in hex: equal only when every draw is. */
    static String of() {
        ProblemInstance problem = ProblemGenerator.generate(ProblemSettings.PAPER, Streams.stream(730L, 0));
        Factorization f = new Factorization(5, 5, 5, 6, Activation.tanh());
        BlockStats s = new BlockStats();
        new GncSampler(problem, f, new GncSettings(Prior.GAUSS, true, GncSettings.DEFAULT_SOFTENING))
                .run(Streams.stream(731L, 0), 5000, 0.05, s);
        return s.accepted() + " " + Long.toHexString(Double.doubleToRawLongBits(s.genSum())) + " "
                + Long.toHexString(Double.doubleToRawLongBits(s.acceptedGenSum())) + " "
                + Long.toHexString(Double.doubleToRawLongBits(s.trainMin()));
    }
}
