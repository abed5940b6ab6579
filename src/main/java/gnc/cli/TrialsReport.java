package gnc.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The few lines {@code run} prints when it is done: per method and point, the draws and
 * acceptances summed over seeds and the medians across seeds of the prior and G&C means (the
 * paper's plotted statistic; a seed without acceptances has no G&C mean and is left out).
 */
final class TrialsReport {
    private TrialsReport() {
    }

    static void print(List<Row> trials, PrintStream out) {
        Map<String, List<Row>> byPoint = new LinkedHashMap<>();
        for (Row r : trials) {
            String key = String.format("%-6s %6d %6d", r.<String>getAs("method"), r.<Integer>getAs("width"),
                    r.<Integer>getAs("depth"));
            byPoint.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        out.printf("%-6s %6s %6s %6s %14s %10s %12s %10s %12s%n", "method", "width", "depth", "seeds", "draws",
                "accepted", "accept_rate", "prior_med", "gnc_med");
        for (Map.Entry<String, List<Row>> e : byPoint.entrySet()) {
            long draws = 0;
            long accepted = 0;
            List<Double> prior = new ArrayList<>();
            List<Double> gnc = new ArrayList<>();
            for (Row r : e.getValue()) {
                draws += r.<Long>getAs("draws");
                accepted += r.<Long>getAs("accepted");
                prior.add(r.getAs("prior_mean"));
                Double g = r.getAs("gnc_mean");
                if (g != null) {
                    gnc.add(g);
                }
            }
            String gncText = gnc.isEmpty() ? "none" : String.format("%.4f (%d)", median(gnc), gnc.size());
            out.printf("%s %6d %14d %10d %12.3e %10.4f %12s%n", e.getKey(), e.getValue().size(), draws, accepted,
                    (double) accepted / draws, median(prior), gncText);
        }
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
