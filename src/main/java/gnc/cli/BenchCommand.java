package gnc.cli;

import gnc.bench.BenchSummary;
import gnc.bench.Figure;
import gnc.bench.KernelBench;
import gnc.bench.SparkBench;
import gnc.kernel.Activation;
import gnc.kernel.SamplerKind;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;

/**
 * {@code gnc bench}: single-thread G&C throughput of the kernel for each activation, sampler and
 * shape ({@link KernelBench}, one line per figure for scripts, e.g.
 * {@code depth=2 width=5 activation=linear sampler=direct kernel=lanes draws_per_s=... scalar_draws_per_s=...
 * vs_scalar=2.10 rng_share=0.40 cpu=0.99}; with {@code --repeats N}, N rounds of one fork per
 * figure, then each figure's median over its forks, which all that follows uses; with
 * {@code --cells targets}, only the shapes the targets need), then the Spark job's end-to-end
 * throughput on local[2] ({@link SparkBench}), then a human summary against the targets
 * ({@link BenchSummary}) and the machine's load.
 */
final class BenchCommand {
    static final String USAGE = "bench [--seconds S] [--activation linear|tanh|leaky_relu] [--sampler direct|reduced]"
            + " [--repeats N] [--cells all|targets] [--spark-seconds S]";
    private static final Set<String> OPTIONS = Set.of("--seconds", "--activation", "--sampler", "--repeats",
            "--cells", "--spark-seconds");

    private BenchCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        Options o = new Options(args, OPTIONS);
        if (!o.positional().isEmpty()) {
            throw new UsageException("bench takes no positional arguments: usage: gnc " + USAGE);
        }
        Long seconds = o.integer("--seconds", 1, 600);
        double measureSeconds = seconds == null ? 2.0 : seconds;
        Long repeats = o.integer("--repeats", 1, 9);
        Long sparkSeconds = o.integer("--spark-seconds", 0, 3600);
        List<String> kinds = only(o, "--activation", Activation.Kind.specNames());
        List<SamplerKind> samplers = only(o, "--sampler", List.of(SamplerKind.DIRECT.specName(),
                SamplerKind.REDUCED.specName())).stream().map(SamplerKind::bySpecName).toList();
        boolean targetsOnly = "targets".equals(oneOf(o, "--cells", List.of("all", "targets")));

        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<Figure> figures = KernelBench.measure(kinds, samplers, targetsOnly,
                repeats == null ? 1 : repeats.intValue(), measureSeconds, out);
        SparkBench.Result spark = null;
        Figure reference = Figure.find(figures, "linear", SamplerKind.DIRECT, 5, 2);
        long sparkTarget = sparkSeconds == null ? 30 : sparkSeconds;
        if (sparkTarget > 0 && reference == null) {
            out.println("spark skipped: it is compared with the linear direct depth 2 width 5 figure, not measured here");
        } else if (sparkTarget > 0) {
            try (Sessions.Session session = Sessions.open("gnc bench", SparkBench.MASTER)) {
                spark = SparkBench.run(session.spark(), reference.drawsPerSecond(), sparkTarget);
            }
            out.println(spark.line());
        }
        BenchSummary.print(figures, spark, out);
        out.printf("load average (1 min, %d cores): %.2f before, %.2f after%n", Runtime.getRuntime().availableProcessors(),
                loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return Main.OK;
    }

    /** The option's value as the one choice among all, or all of them when it is not given. */
    static List<String> only(Options o, String option, List<String> all) {
        String v = oneOf(o, option, all);
        return v == null ? all : List.of(v);
    }

    /** The option's value, one of allowed, or null when it is not given. */
    private static String oneOf(Options o, String option, List<String> allowed) {
        String v = o.string(option);
        if (v != null && !allowed.contains(v)) {
            throw new UsageException(option + " must be one of " + String.join(", ", allowed) + ", got \"" + v + "\"");
        }
        return v;
    }
}
