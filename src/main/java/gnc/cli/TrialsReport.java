package gnc.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The few lines {@code run} prints when it is done: per method and point, the draws (loss
 * evaluations for subset simulation) and acceptances summed over seeds, and medians across seeds
 * of each trial's acceptance-probability estimate, prior mean and generalization loss (the G&C
 * mean, or GD's final L_gen: the paper's plotted statistic). A statistic a trial lacks (no
 * acceptances; no prior mean, which subset simulation and GD do not estimate) is left out of its
 * median, never replaced by a number.
 */
final class TrialsReport {
    private TrialsReport() {
    }

    /** {@code trials} rows, then {@code gd} rows (empty when the run has no GD). */
    static void print(List<Row> trials, List<Row> gd, PrintStream out) {
        out.printf("%-6s %6s %6s %6s %14s %10s %12s %10s %12s%n", "method", "width", "depth", "seeds", "draws",
                "accepted", "rate_med", "prior_med", "gen_med");
        for (Map.Entry<String, List<Row>> e : byPoint(trials).entrySet()) {
            long draws = 0;
            long accepted = 0;
            List<Double> rate = new ArrayList<>();
            List<Double> prior = new ArrayList<>();
            List<Double> gen = new ArrayList<>();
            for (Row r : e.getValue()) {
                draws += r.<Long>getAs("draws");
                accepted += r.<Long>getAs("accepted");
                addIfPresent(rate, r.getAs("acceptance_rate"));
                addIfPresent(prior, r.getAs("prior_mean"));
                addIfPresent(gen, r.getAs("gnc_mean"));
            }
            String rateText = rate.isEmpty() ? "-" : String.format("%.3e", median(rate));
            String priorText = prior.isEmpty() ? "-" : String.format("%.4f", median(prior));
            String genText = gen.isEmpty() ? "none" : String.format("%.4f (%d)", median(gen), gen.size());
            out.printf("%s %6d %14d %10d %12s %10s %12s%n", e.getKey(), e.getValue().size(), draws, accepted,
                    rateText, priorText, genText);
        }
        for (Map.Entry<String, List<Row>> e : byPoint(gd).entrySet()) {
            List<Double> gen = new ArrayList<>();
            for (Row r : e.getValue()) {
                gen.add(r.getAs("gen_loss"));
            }
            out.printf("%s %6d %14s %10s %12s %10s %12s%n", e.getKey(), e.getValue().size(), "-", "-", "-", "-",
                    String.format("%.4f (%d)", median(gen), gen.size()));
        }
    }

    private static Map<String, List<Row>> byPoint(List<Row> rows) {
        Map<String, List<Row>> byPoint = new LinkedHashMap<>();
        for (Row r : rows) {
            String key = String.format("%-6s %6d %6d", r.<String>getAs("method"), r.<Integer>getAs("width"),
                    r.<Integer>getAs("depth"));
            byPoint.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        return byPoint;
    }

    private static void addIfPresent(List<Double> values, Double value) {
        if (value != null) {
            values.add(value);
        }
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
