package gnc.cli;

import gnc.kernel.Activation;
import gnc.kernel.BlockStats;
import gnc.kernel.Factorization;
import gnc.kernel.GncSampler;
import gnc.kernel.GncSettings;
import gnc.kernel.Prior;
import gnc.kernel.ProblemGenerator;
import gnc.kernel.ProblemInstance;
import gnc.kernel.ProblemSettings;
import gnc.kernel.Streams;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code gnc bench}: single-thread G&C throughput of the kernel on the paper's problem (5 x 5,
 * rank 1, 15 measurements, Gaussian prior, eps 0.02), one line per measurement for scripts:
 * {@code depth=2 width=5 activation=linear sampler=direct draws_per_s=2630582}.
 */
final class BenchCommand {
    static final String USAGE = "bench [--seconds S] [--activation linear|tanh|leaky_relu]";
    private static final Set<String> OPTIONS = Set.of("--seconds", "--activation");
    private static final int[][] SHAPES = {{5, 2}, {20, 2}, {80, 2}, {160, 2}, {5, 10}};
    private static final long CHUNK = 20_000;

    private BenchCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        Options o = new Options(args, OPTIONS);
        if (!o.positional().isEmpty()) {
            throw new UsageException("bench takes no positional arguments: usage: gnc " + USAGE);
        }
        Long seconds = o.integer("--seconds", 1, 600);
        double measureSeconds = seconds == null ? 1.0 : seconds;
        List<String> kinds = Activation.Kind.specNames();
        String only = o.string("--activation");
        if (only != null) {
            if (!kinds.contains(only)) {
                throw new UsageException("--activation must be one of " + String.join(", ", kinds) + ", got \"" + only + "\"");
            }
            kinds = List.of(only);
        }
        ProblemInstance problem = ProblemGenerator.generate(ProblemSettings.PAPER, Streams.stream(0L, 0));
        GncSettings settings = new GncSettings(Prior.GAUSS, false, GncSettings.DEFAULT_SOFTENING);
        for (String kind : kinds) {
            Activation act = Activation.of(Activation.Kind.bySpecName(kind), Activation.DEFAULT_NEGATIVE_SLOPE);
            for (int[] shape : SHAPES) {
                Factorization model = new Factorization(5, 5, shape[0], shape[1], act);
                double rate = drawsPerSecond(new GncSampler(problem, model, settings), measureSeconds);
                out.printf("depth=%d width=%d activation=%s sampler=direct draws_per_s=%.0f%n",
                        shape[1], shape[0], kind, rate);
            }
        }
        return Main.OK;
    }

    /** Draws per second of one thread, after a warm-up of a quarter of the measuring time. */
    static double drawsPerSecond(GncSampler sampler, double seconds) {
        var rng = Streams.stream(1L, 0);
        BlockStats sink = new BlockStats();
        long warmEnd = System.nanoTime() + (long) (seconds * 0.25e9);
        while (System.nanoTime() < warmEnd) {
            sampler.run(rng, CHUNK / 10, 0.02, sink);
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long draws = 0;
        long now;
        do {
            sampler.run(rng, CHUNK, 0.02, sink);
            draws += CHUNK;
            now = System.nanoTime();
        } while (now < end);
        return draws / ((now - start) / 1e9);
    }
}
