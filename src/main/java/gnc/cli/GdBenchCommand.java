package gnc.cli;

import gnc.bench.GdBench;
import gnc.kernel.Activation;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code gnc bench-gd}: single-thread gradient-descent throughput of the kernel on the paper's
 * problem, one line per shape and activation for scripts ({@link GdBench}).
 */
final class GdBenchCommand {
    static final String USAGE = "bench-gd [--seconds S] [--activation linear|tanh|leaky_relu]";
    private static final Set<String> OPTIONS = Set.of("--seconds", "--activation");

    private GdBenchCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        Options o = new Options(args, OPTIONS);
        if (!o.positional().isEmpty()) {
            throw new UsageException("bench-gd takes no positional arguments: usage: gnc " + USAGE);
        }
        Long seconds = o.integer("--seconds", 1, 600);
        List<String> kinds = BenchCommand.only(o, "--activation", Activation.Kind.specNames());
        GdBench.measure(kinds, seconds == null ? 1.0 : seconds, out);
        return Main.OK;
    }
}
