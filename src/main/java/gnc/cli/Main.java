package gnc.cli;

import gnc.spec.SpecException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The gnc command line: {@code gnc run ...}, {@code gnc plot ...}, {@code gnc bench ...}. Works the same
 * from submit/gnc (embedded local master) and under spark-submit (the master it sets is used).
 * Exit codes: 0 done, 2 bad input (nothing was written), 1 failure while running.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("run") && System.getProperty("spark.yarn.app.id") == null) {
            Interruption.handleSignals(System.err); // not in YARN's ApplicationMaster, whose signals YARN sends
        }
        int code = run(Arrays.asList(args), System.out, System.err);
        // Under YARN in cluster deploy mode, main runs in Spark's ApplicationMaster (which sets
        // spark.yarn.app.id), and only a return reports success: any System.exit there, even
        // exit(0), marks the attempt failed and YARN runs the application again.
        if (code != OK || System.getProperty("spark.yarn.app.id") == null) {
            System.exit(code);
        }
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
            usage(args.isEmpty() ? err : out);
            return args.isEmpty() ? BAD_INPUT : OK;
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "run" -> RunCommand.run(rest, out);
                case "query" -> QueryCommand.run(rest, out);
                case "catalog" -> CatalogCommand.run(rest, out);
                case "plot" -> PlotCommand.run(rest, out, err);
                case "export" -> ExportCommand.run(rest, out, err);
                case "problems" -> ProblemsCommand.run(rest, out);
                case "bench" -> BenchCommand.run(rest, out);
                case "bench-gd" -> GdBenchCommand.run(rest, out);
                default -> throw new UsageException("unknown command \"" + args.get(0)
                        + "\" (commands: run, query, catalog, plot, export, problems, bench, bench-gd, help)");
            };
        } catch (SpecException | UsageException e) {
            err.println("gnc: error: " + e.getMessage());
            return BAD_INPUT;
        } catch (Exception e) { // Spark's SparkException is checked, yet thrown from Java calls that do not declare it
            if (!Interruption.happened()) { // else the failure is Spark stopping under a signal, already reported
                err.println("gnc: failed: " + e);
            }
            return FAILED;
        }
    }

    static void usage(PrintStream out) {
        out.println("usage: gnc " + RunCommand.USAGE);
        out.println("       gnc " + QueryCommand.USAGE);
        out.println("       gnc " + CatalogCommand.USAGE);
        out.println("       gnc " + PlotCommand.USAGE);
        out.println("       gnc " + ExportCommand.USAGE);
        out.println("       gnc " + ProblemsCommand.USAGE);
        out.println("       gnc " + BenchCommand.USAGE);
        out.println("       gnc " + GdBenchCommand.USAGE);
        out.println("See README.md for the spec format and the tables a run writes.");
    }
}
