package gnc.cli;

import gnc.kernel.Activation;
import gnc.kernel.Factorization;
import gnc.kernel.GdSettings;
import gnc.kernel.GradientDescent;
import gnc.kernel.ProblemGenerator;
import gnc.kernel.ProblemInstance;
import gnc.kernel.ProblemSettings;
import gnc.kernel.Streams;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Set;

/**
 * {@code gnc bench-gd}: single-thread gradient-descent throughput of the kernel on the paper's
 * problem (5 x 5, rank 1, 15 measurements), one line per measurement for scripts:
 * {@code method=gd depth=2 width=5 activation=linear epochs_per_s=1234567 epochs_per_cpu_s=1301234}.
 * Each run is a fresh initialization (init scale 1e-3) followed by CHUNK full-batch epochs with lr
 * 1e-2. epochs_per_s divides by wall-clock time; epochs_per_cpu_s by the thread's CPU time, which
 * stays comparable when other processes share the cores.
 */
final class GdBenchCommand {
    static final String USAGE = "bench-gd [--seconds S] [--activation linear|tanh|leaky_relu]";
    private static final Set<String> OPTIONS = Set.of("--seconds", "--activation");
    /** {width, depth}: the width sweep at depth 2, then the depth sweep at width 5. */
    private static final int[][] SHAPES = {{5, 2}, {20, 2}, {80, 2}, {160, 2}, {5, 6}, {5, 10}};
    private static final long CHUNK = 2_000;

    private GdBenchCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        Options o = new Options(args, OPTIONS);
        if (!o.positional().isEmpty()) {
            throw new UsageException("bench-gd takes no positional arguments: usage: gnc " + USAGE);
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
        GdSettings settings = new GdSettings(1e-2, CHUNK, 1e-3, 0.0);
        for (String kind : kinds) {
            Activation act = Activation.of(Activation.Kind.bySpecName(kind), Activation.DEFAULT_NEGATIVE_SLOPE);
            for (int[] shape : SHAPES) {
                Factorization model = new Factorization(5, 5, shape[0], shape[1], act);
                double[] rates = epochsPerSecond(new GradientDescent(problem, model), settings, measureSeconds);
                out.printf("method=gd depth=%d width=%d activation=%s epochs_per_s=%.0f epochs_per_cpu_s=%.0f%n",
                        shape[1], shape[0], kind, rates[0], rates[1]);
            }
        }
        return Main.OK;
    }

    /**
     * Epochs per second of wall-clock time and of this thread's CPU time, after a warm-up of a
     * quarter of the measuring time.
     */
    static double[] epochsPerSecond(GradientDescent gd, GdSettings settings, double seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var rng = Streams.stream(1L, 0);
        double sink = 0;
        long warmEnd = System.nanoTime() + (long) (seconds * 0.25e9);
        while (System.nanoTime() < warmEnd) {
            sink += gd.run(settings, rng).genLoss();
        }
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long end = start + (long) (seconds * 1e9);
        long epochs = 0;
        long now;
        do {
            sink += gd.run(settings, rng).genLoss();
            epochs += settings.epochs();
            now = System.nanoTime();
        } while (now < end);
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        if (Double.isNaN(sink)) {
            throw new IllegalStateException("gradient descent produced NaN losses during the benchmark");
        }
        return new double[] {epochs / ((now - start) / 1e9), epochs / (cpu / 1e9)};
    }
}
