package gnc.results;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Draws a {@link CurvePanel} as a PNG of two panels over a shared log eps axis. Top: G&amp;C's
 * L_gen against eps (log-log), one line per width or depth through the medians over seeds with a
 * band from q25 to q75; per line, in its colour, the prior's mean L_gen (dashed: chance) and GD's
 * final L_gen (dotted) where the run has them; a grey line at gnc.eps. Bottom: P(L_train &lt; eps)
 * against eps (log-log), medians and bands likewise, and a black guide of slope n/2 through the
 * smallest eps of the first line: where W has a density on R^(m m'), P ~ c eps^(n/2) as eps -&gt; 0,
 * so the curves should run parallel to it at their small end.
 */
public final class CurvePlot {
    public static final int WIDTH = 720;
    public static final int HEIGHT = 860;
    /** Line colours in swept order: matplotlib's tab10, which stays distinct for ten lines. */
    private static final Color[] COLOURS = {
        new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728), new Color(0x9467BD),
        new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F), new Color(0xBCBD22), new Color(0x17BECF)};
    private static final BasicStroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {6f, 4f}, 0f);
    private static final BasicStroke DOTTED = new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
            10f, new float[] {1.5f, 3.5f}, 0f);

    private CurvePlot() {
    }

    /** Writes the panel as a WIDTH x HEIGHT PNG, replacing the file. */
    public static void writePng(CurvePanel panel, Path file) {
        if (panel.lines().isEmpty()) {
            throw new IllegalArgumentException("the curve has no point above zero to draw");
        }
        JFreeChart chart = chart(panel);
        PanelPlot.requireFonts();
        try (OutputStream out = Files.newOutputStream(file)) {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + file + ": " + e.getMessage(), e);
        }
    }

    static JFreeChart chart(CurvePanel panel) {
        YIntervalSeriesCollection gen = new YIntervalSeriesCollection();
        YIntervalSeriesCollection volume = new YIntervalSeriesCollection();
        for (CurvePanel.Line line : panel.lines()) {
            String label = panel.axis().specName() + " " + line.x();
            YIntervalSeries g = new YIntervalSeries(label, false, false);
            YIntervalSeries v = new YIntervalSeries(label, false, false);
            for (CurvePanel.Point p : line.points()) {
                g.add(p.eps(), p.median(), p.q25(), p.q75());
                v.add(p.eps(), p.pMedian(), p.pQ25(), p.pQ75());
            }
            gen.addSeries(g);
            volume.addSeries(v);
        }
        LogAxis epsAxis = new LogAxis("eps (log scale)");
        epsAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        if (underTwoDecades(org.jfree.data.general.DatasetUtils.findDomainBounds(gen, true))) {
            tickWithinDecades(epsAxis, new DecimalFormat("0.0##E0")); // a plain run's own curve: keep_threshold .. eps
        }
        XYPlot top = subplot(gen, "G&C generalization loss (log scale)", panel);
        if (underTwoDecades(org.jfree.data.general.DatasetUtils.findRangeBounds(gen, true))) {
            tickWithinDecades((LogAxis) top.getRangeAxis(), new DecimalFormat("0.0##"));
        }
        XYPlot bottom = subplot(volume, "P(L_train < eps) under the prior (log scale)", panel);
        bottom.getRenderer().setDefaultSeriesVisibleInLegend(false); // the top panel's legend names the lines
        for (int i = 0; i < panel.lines().size(); i++) {
            CurvePanel.Line line = panel.lines().get(i);
            Color c = colour(i);
            if (line.priorGen() != null && line.priorGen() > 0) {
                top.addRangeMarker(new ValueMarker(line.priorGen(), c, DASHED));
            }
            if (line.gdGen() != null && line.gdGen() > 0) {
                top.addRangeMarker(new ValueMarker(line.gdGen(), c, DOTTED));
            }
        }
        ValueMarker epsLine = new ValueMarker(panel.eps(), Color.GRAY, new BasicStroke(1f));
        epsLine.setLabel("gnc.eps");
        epsLine.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        epsLine.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        top.addDomainMarker(epsLine);
        addGuide(bottom, panel);

        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epsAxis);
        plot.setGap(12);
        plot.add(top, 1);
        plot.add(bottom, 1);
        JFreeChart chart = new JFreeChart(panel.title() + ": G&C's curve over eps (" + panel.method() + ")",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new org.jfree.chart.title.TextTitle("median over seeds, band q25-q75; dashed: prior's"
                + " mean L_gen, dotted: GD's final L_gen", new Font(Font.SANS_SERIF, Font.ITALIC, 11)));
        return chart;
    }

    private static boolean underTwoDecades(org.jfree.data.Range span) {
        return span != null && span.getUpperBound() < 100 * span.getLowerBound();
    }

    /**
     * Under two decades a powers-of-ten axis shows one label or none: tick within decades
     * instead, labelled with the value.
     */
    private static void tickWithinDecades(LogAxis axis, DecimalFormat format) {
        axis.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        axis.setNumberFormatOverride(format);
    }

    private static XYPlot subplot(YIntervalSeriesCollection data, String label, CurvePanel panel) {
        DeviationRenderer r = new DeviationRenderer(true, true);
        r.setAlpha(0.18f);
        for (int i = 0; i < panel.lines().size(); i++) {
            r.setSeriesPaint(i, colour(i));
            r.setSeriesFillPaint(i, colour(i));
            r.setSeriesStroke(i, new BasicStroke(1.6f));
            r.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        LogAxis y = new LogAxis(label);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot p = new XYPlot(data, null, y, r);
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(new Color(0xDDDDDD));
        p.setRangeGridlinePaint(new Color(0xDDDDDD));
        return p;
    }

    /** The guide P = P0 (eps / eps0)^(n/2) over the decade above the first line's smallest eps. */
    private static void addGuide(XYPlot plot, CurvePanel panel) {
        CurvePanel.Line first = panel.lines().get(0);
        CurvePanel.Point end = first.points().get(first.points().size() - 1);
        double e1 = end.eps() * 10;
        double p1 = end.pMedian() * Math.pow(10, panel.slope());
        plot.addAnnotation(new XYLineAnnotation(end.eps(), end.pMedian(), e1, p1, new BasicStroke(1.6f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 4f}, 0f), Color.BLACK));
        XYTextAnnotation text = new XYTextAnnotation(String.format(Locale.ROOT, "slope n/2 = %.3g", panel.slope()),
                e1, p1);
        text.setTextAnchor(TextAnchor.BOTTOM_RIGHT);
        text.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        plot.addAnnotation(text);
    }

    private static Color colour(int i) {
        return COLOURS[i % COLOURS.length];
    }
}
