package gnc.cli;

import gnc.results.SummaryTable;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The few lines {@code run} prints when it is done, read from the {@link SummaryTable summary}:
 * per method and point, the seeds, the draws (loss evaluations for rare-event estimators) and
 * acceptances summed over seeds, and the medians across seeds of the acceptance-probability
 * estimate, of the prior mean (for plain G&C) and of the generalization loss (the G&C mean, or
 * GD's final L_gen: the paper's plotted statistic) with the number of seeds that have one. A
 * statistic a method lacks is shown as "-", a G&C loss no seed has as "none".
 */
final class TrialsReport {
    private TrialsReport() {
    }

    /** The summary's rows, in its order; the prior rows show as a column of the plain G&C rows. */
    static void print(List<Row> summary, PrintStream out) {
        Map<String, Double> prior = new HashMap<>();
        for (Row r : summary) {
            if (r.<String>getAs("method").equals("prior")) {
                prior.put(point(r), r.getAs("median"));
            }
        }
        out.printf("%-6s %6s %6s %6s %14s %10s %12s %10s %12s%n", "method", "width", "depth", "seeds", "draws",
                "accepted", "rate_med", "prior_med", "gen_med");
        for (Row r : summary) {
            String method = r.getAs("method");
            if (method.equals("prior")) {
                continue;
            }
            Double rate = r.getAs("rate_median");
            Double priorMedian = method.equals("gnc") ? prior.get(point(r)) : null;
            long seeds = r.getAs("seeds");
            out.printf("%-6s %6d %6d %6d %14s %10s %12s %10s %12s%n", method, r.<Integer>getAs("width"),
                    r.<Integer>getAs("depth"), r.<Long>getAs("seeds_total"), orDash(r.getAs("draws")),
                    orDash(r.getAs("accepted")), rate == null ? "-" : String.format(Locale.ROOT, "%.3e", rate),
                    priorMedian == null ? "-" : String.format(Locale.ROOT, "%.4f", priorMedian),
                    seeds == 0 ? "none" : String.format(Locale.ROOT, "%.4f (%d)", r.<Double>getAs("median"), seeds));
        }
    }

    private static String point(Row r) {
        return r.<Integer>getAs("width") + "/" + r.<Integer>getAs("depth");
    }

    private static String orDash(Long v) {
        return v == null ? "-" : Long.toString(v);
    }
}
