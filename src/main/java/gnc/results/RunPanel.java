package gnc.results;

import gnc.spec.AuthorsConfig;
import gnc.spec.GncSpec;
import gnc.spec.JobSpec;
import gnc.spec.Sweep;
import gnc.spec.SweepPoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The figure panel of a run, from its {@code summary} table (docs/science.md §5): x is the swept width
 * or depth; one point per method and x with the median across seeds and the 25th-75th
 * percentiles; the activation, spelled as in the paper, as the title. Width sweeps show
 * GD, the prior and G&C, depth sweeps GD and G&C (the prior is left out, as in the paper); any
 * other method a run adds is drawn too. A point without a value in any seed (G&C accepted
 * nothing) is left out, and {@link #leftOut} says which; one with values in fewer seeds than
 * planned is drawn from those and marked.
 */
public final class RunPanel {
    /** What to do when a run's tables lack what their spec.json plans (a damaged or hand-edited run). */
    static final String STALE_TABLES = "the tables hold less than their spec.json plans: run the same spec into the"
            + " run directory again to complete them";

    private RunPanel() {
    }

    /**
     * The panel.
     *
     * @throws IllegalArgumentException when the summary lacks a method at a point, or seeds, that
     *                                  the spec plans
     */
    public static Panel of(JobSpec spec, List<Row> summary) {
        boolean widths = spec.sweep().axis() == Sweep.Axis.WIDTH;
        requirePlannedRows(spec, summary);
        List<PanelPoint> points = new ArrayList<>();
        for (Row r : summary) {
            String method = r.getAs("method");
            long seeds = r.<Long>getAs("seeds");
            if (seeds == 0 || (!widths && method.equals("prior"))) {
                continue;
            }
            int x = r.<Integer>getAs(widths ? "width" : "depth");
            points.add(new PanelPoint(method, x, r.<Double>getAs("median"), r.<Double>getAs("q25"),
                    r.<Double>getAs("q75"), (int) seeds, r.<Long>getAs("seeds_total").intValue()));
        }
        return new Panel(AuthorsConfig.activationName(spec.activation().kind()),
                widths ? PanelAxis.WIDTH : PanelAxis.DEPTH, points);
    }

    /**
     * The points left out of the panel because no seed has a value there, one line per method:
     * "G&C at width 20, 80 (no seed accepted a draw below eps 0.02)".
     */
    public static List<String> leftOut(JobSpec spec, List<Row> summary) {
        boolean widths = spec.sweep().axis() == Sweep.Axis.WIDTH;
        Map<String, List<String>> xs = new LinkedHashMap<>();
        for (Row r : summary) {
            String method = r.getAs("method");
            if (r.<Long>getAs("seeds") == 0 && (widths || !method.equals("prior"))) {
                xs.computeIfAbsent(method, m -> new ArrayList<>()).add(String.valueOf(r.<Integer>getAs(widths ? "width"
                        : "depth")));
            }
        }
        List<String> out = new ArrayList<>();
        xs.forEach((method, at) -> out.add(label(method) + " at " + (widths ? "width " : "depth ") + String.join(", ", at)
                + (method.equals(GncSpec.PLAIN) ? " (no seed accepted a draw below eps " + spec.gnc().eps() + ")"
                : " (no seed has a value)")));
        return out;
    }

    private static String label(String method) {
        return MethodStyle.forMethods(List.of(method)).get(0).label();
    }

    /** Every method the spec runs has a row at every point, over all the seeds it plans. */
    private static void requirePlannedRows(JobSpec spec, List<Row> summary) {
        Map<String, Long> seedsTotal = new HashMap<>();
        for (Row r : summary) {
            seedsTotal.put(r.getAs("method") + " " + r.getAs("width") + "/" + r.getAs("depth"), r.getAs("seeds_total"));
        }
        List<String> methods = new ArrayList<>();
        if (spec.gnc().runs(GncSpec.PLAIN)) {
            methods.add(GncSpec.PLAIN);
        }
        if (spec.gnc().runs(GncSpec.SUBSET)) {
            methods.add(GncSpec.SUBSET);
        }
        if (spec.gnc().runs(GncSpec.SPLITTING)) {
            methods.add(GncSpec.SPLITTING);
        }
        if (spec.gd() != null) {
            methods.add("gd");
        }
        for (SweepPoint p : spec.sweep().points()) {
            for (String m : methods) {
                Long total = seedsTotal.get(m + " " + p.width() + "/" + p.depth());
                if (total == null || total != spec.seeds()) {
                    throw new IllegalArgumentException("the summary table has " + (total == null ? "no " + m + " row"
                            : m + " from " + total + " seeds") + " at width " + p.width() + " depth " + p.depth()
                            + ", where spec.json plans " + spec.seeds() + " seeds: " + STALE_TABLES);
                }
            }
        }
    }
}
