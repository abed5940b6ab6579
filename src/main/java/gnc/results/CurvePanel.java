package gnc.results;

import gnc.spec.AuthorsConfig;
import gnc.spec.GncSpec;
import gnc.spec.JobSpec;
import gnc.spec.Sweep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * What {@code gnc plot RUN --curve} draws, from a run's {@code curve_summary} and {@code summary}
 * tables: one line per swept width or depth of one method's curve (splitting when the run has
 * it, else plain G&amp;C's from its kept draws), each a list of grid points with the medians and
 * quartiles over seeds of the G&amp;C mean and of P; per line the reference levels of the prior's
 * mean L_gen (chance) and GD's final L_gen where the run has them; the slope n/2 that P follows
 * as eps -&gt; 0 (n the training measurements); and gnc.eps.
 */
public record CurvePanel(String title, PanelAxis axis, String method, List<Line> lines, double slope, double eps) {

    /** One grid point of a line: medians and quartiles over seeds of the G&amp;C mean and of P. */
    public record Point(double eps, double median, double q25, double q75, double pMedian, double pQ25, double pQ75) {
    }

    /** The curve at one swept value, with its reference levels (null when the run has none). */
    public record Line(int x, List<Point> points, Double priorGen, Double gdGen) {
    }

    /**
     * The panel. Points without a G&amp;C mean in some seed's row (no draw below eps) are left
     * out of the L_gen curve's median, as the summary leaves them out; rows whose medians or
     * quartiles are not above zero cannot be drawn on log axes and are left out too.
     */
    public static CurvePanel of(JobSpec spec, List<Row> curveSummary, List<Row> summary) {
        String method = spec.gnc().runs(GncSpec.SPLITTING) ? GncSpec.SPLITTING : GncSpec.PLAIN;
        boolean widths = spec.sweep().axis() == Sweep.Axis.WIDTH;
        Map<Integer, List<Point>> byX = new TreeMap<>();
        for (Row r : curveSummary) {
            if (!r.getAs("method").equals(method) || r.<Long>getAs("seeds") == 0) {
                continue;
            }
            Point p = new Point(r.getAs("eps"), r.getAs("median"), r.getAs("q25"), r.getAs("q75"),
                    r.getAs("p_median"), r.getAs("p_q25"), r.getAs("p_q75"));
            if (p.q25() > 0 && p.pQ25() > 0) {
                byX.computeIfAbsent(r.<Integer>getAs(widths ? "width" : "depth"), k -> new ArrayList<>()).add(p);
            }
        }
        List<Line> lines = new ArrayList<>();
        byX.forEach((x, points) -> {
            points.sort((a, b) -> Double.compare(b.eps(), a.eps()));
            lines.add(new Line(x, List.copyOf(points), level(summary, "prior", widths, x),
                    level(summary, "gd", widths, x)));
        });
        return new CurvePanel(AuthorsConfig.activationName(spec.activation().kind()),
                widths ? PanelAxis.WIDTH : PanelAxis.DEPTH, method, lines, spec.problem().measurements() / 2.0,
                spec.gnc().eps());
    }

    /** The summary's median of method at the swept value x, or null. */
    private static Double level(List<Row> summary, String method, boolean widths, int x) {
        for (Row r : summary) {
            if (r.getAs("method").equals(method) && r.<Integer>getAs(widths ? "width" : "depth") == x) {
                return r.getAs("median");
            }
        }
        return null;
    }
}
