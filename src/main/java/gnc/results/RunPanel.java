package gnc.results;

import gnc.spec.AuthorsConfig;
import gnc.spec.JobSpec;
import gnc.spec.Sweep;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The figure panel of a run, from its {@code summary} table (PAPER.md §5): x is the swept width
 * or depth; one point per method and x with the median across seeds and the 25th-75th
 * percentiles; the activation, spelled as in the paper, as the title. Width sweeps show GD, the
 * prior and G&C, depth sweeps GD and G&C (the prior is left out, as in the paper); any other
 * method a run adds is drawn too. A point without a value in any seed (G&C accepted nothing)
 * is left out; one with values in fewer seeds than planned is drawn from those and marked.
 */
public final class RunPanel {
    private RunPanel() {
    }

    public static Panel of(JobSpec spec, List<Row> summary) {
        boolean widths = spec.sweep().axis() == Sweep.Axis.WIDTH;
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
}
