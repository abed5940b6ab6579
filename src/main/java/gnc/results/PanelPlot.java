package gnc.results;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Draws one figure panel as a PNG in the paper's style (docs/science.md §5): x = width (log2 scale) or
 * depth (linear), with a tick at every swept value; y = generalization loss; per method its median
 * marker and an asymmetric 25th-75th percentile error bar, in {@link MethodStyle}'s fixed order
 * and colours; legend; the activation as title. The loss axis is linear from zero, as in the
 * paper, or logarithmic ({@link LossScale#LOG}) for losses spanning decades, e.g. G&C at tight eps
 * beside GD.
 *
 * <p>Markers of different methods at the same x are dodged sideways by a small fixed offset so
 * that their bars do not hide each other; tick labels stay at the true values. A point with fewer
 * seeds than planned is drawn hollow and labelled "n/N seeds" above its bar. Nothing is drawn
 * for a point that is absent, and no line joins points, so a gap stays a gap.
 *
 * <p>Rendering needs no display: the java.awt.headless property is set to true unless the JVM
 * was started with a value for it. It does need at least one font that fontconfig can see (AWT
 * cannot measure text otherwise); without one, {@link #writePng} fails with a message that says so.
 */
public final class PanelPlot {
    public static final int DEFAULT_WIDTH = 640;
    public static final int DEFAULT_HEIGHT = 480;
    /** Sideways offset between neighbouring methods: in log2 units (width axis) or depth units. */
    private static final double DODGE_LOG2 = 0.07;
    private static final double DODGE_DEPTH = 0.09;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private PanelPlot() {
    }

    /** How the generalization loss axis is drawn. */
    public enum LossScale {
        /** Linear from zero (the paper's). */
        LINEAR,
        /** Logarithmic; needs every plotted value, quartiles included, above zero. */
        LOG
    }

    /** Writes the panel as a DEFAULT_WIDTH x DEFAULT_HEIGHT PNG. */
    public static void writePng(Panel panel, Path file, LossScale scale) {
        writePng(panel, file, DEFAULT_WIDTH, DEFAULT_HEIGHT, scale);
    }

    /** Writes the panel as a width x height PNG, replacing the file. */
    public static void writePng(Panel panel, Path file, int width, int height, LossScale scale) {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("plot size must be at least 100 x 100 pixels, got " + width + " x " + height);
        }
        JFreeChart chart = chart(panel, scale);
        requireFonts();
        try (OutputStream out = Files.newOutputStream(file)) {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + file + ": " + e.getMessage(), e);
        }
    }

    /** The chart of a panel, before rendering. */
    static JFreeChart chart(Panel panel, LossScale scale) {
        requireDrawable(panel, scale);
        Set<String> methods = new LinkedHashSet<>();
        TreeSet<Integer> xs = new TreeSet<>();
        for (PanelPoint p : panel.points()) {
            methods.add(p.method());
            xs.add(p.x());
        }
        List<MethodStyle> styles = MethodStyle.forMethods(methods);
        boolean logScale = panel.axis() == PanelAxis.WIDTH;
        double dodge = logScale ? DODGE_LOG2 : DODGE_DEPTH;

        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        List<List<PanelPoint>> drawn = new ArrayList<>();
        List<XYTextAnnotation> notes = new ArrayList<>();
        for (int i = 0; i < styles.size(); i++) {
            MethodStyle style = styles.get(i);
            double offset = (i - (styles.size() - 1) / 2.0) * dodge;
            YIntervalSeries series = new YIntervalSeries(style.label(), false, false);
            List<PanelPoint> items = new ArrayList<>();
            panel.points().stream()
                    .filter(p -> p.method().equals(style.method()))
                    .sorted((a, b) -> Integer.compare(a.x(), b.x()))
                    .forEach(p -> {
                        double x = position(p.x(), logScale) + offset;
                        series.add(x, p.median(), p.q25(), p.q75());
                        items.add(p);
                        if (p.reduced()) {
                            XYTextAnnotation note = new XYTextAnnotation(p.seeds() + "/" + p.seedsTotal() + " seeds",
                                    x, p.q75());
                            note.setTextAnchor(TextAnchor.BOTTOM_CENTER);
                            note.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                            note.setPaint(style.colour());
                            notes.add(note);
                        }
                    });
            data.addSeries(series);
            drawn.add(items);
        }

        XYErrorRenderer renderer = new XYErrorRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean getItemShapeFilled(int series, int item) {
                return !drawn.get(series).get(item).reduced();
            }
        };
        renderer.setDefaultLinesVisible(false);
        renderer.setDefaultShapesVisible(true);
        renderer.setDrawOutlines(true);
        renderer.setUseOutlinePaint(false);
        renderer.setDrawXError(false);
        renderer.setCapLength(7.0);
        renderer.setErrorStroke(new BasicStroke(1.4f));
        renderer.setDefaultOutlineStroke(new BasicStroke(1.6f));
        for (int i = 0; i < styles.size(); i++) {
            renderer.setSeriesPaint(i, styles.get(i).colour());
            renderer.setSeriesShape(i, styles.get(i).marker());
        }

        NumberAxis xAxis = new ValueTicksAxis(logScale ? "width (log scale)" : "depth", xs, logScale);
        ValueAxis yAxis;
        if (scale == LossScale.LOG) {
            LogAxis log = new LogAxis("generalization loss (log scale)");
            log.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // whole powers of ten
            yAxis = log;
        } else {
            NumberAxis linear = new NumberAxis("generalization loss");
            linear.setAutoRangeIncludesZero(true);
            yAxis = linear;
        }
        if (!notes.isEmpty()) {
            yAxis.setUpperMargin(0.15); // room for a seed-count label above the highest bar
        }
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        notes.forEach(plot::addAnnotation);

        JFreeChart chart = new JFreeChart(panel.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        if (!notes.isEmpty()) {
            chart.addSubtitle(new TextTitle("hollow marker: fewer seeds than planned",
                    new Font(Font.SANS_SERIF, Font.ITALIC, 11)));
        }
        return chart;
    }

    /**
     * Throws IllegalArgumentException when the panel cannot be drawn on that scale: a log axis
     * cannot show zero or less, and such a panel is refused rather than drawn without its points.
     */
    public static void requireDrawable(Panel panel, LossScale scale) {
        if (scale == LossScale.LINEAR) {
            return;
        }
        for (PanelPoint p : panel.points()) {
            if (!(p.median() > 0 && p.q25() > 0 && p.q75() > 0)) {
                throw new IllegalArgumentException("a log scale needs losses above zero, but " + p.method() + " at "
                        + panel.axis().specName() + " " + p.x() + " has median "
                        + p.median() + ", quartiles " + p.q25() + " to " + p.q75() + " (use the linear scale)");
            }
        }
    }

    /** Where a sweep value sits on the x axis: log2(width) or the depth itself. */
    static double position(int x, boolean logScale) {
        return logScale ? Math.log(x) / Math.log(2) : x;
    }

    /** Fails with a clear message when AWT cannot measure text (no font visible to fontconfig). */
    static void requireFonts() {
        try {
            Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
            g.getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, 12)).stringWidth("0");
            g.dispose();
        } catch (InternalError | UnsatisfiedLinkError e) {
            throw new IllegalStateException("PNG plots need at least one font that fontconfig can see (`fc-list` "
                    + "prints none): install one (Debian: fonts-dejavu-core) or point FONTCONFIG_FILE at a "
                    + "fonts.conf naming a folder with a .ttf (" + e + ")", e);
        }
    }

    /** A linear axis (over log2 of the value on a log scale) with one tick per swept value. */
    private static final class ValueTicksAxis extends NumberAxis {
        private static final long serialVersionUID = 1L;
        private final List<Integer> values;
        private final boolean logScale;

        ValueTicksAxis(String label, TreeSet<Integer> values, boolean logScale) {
            super(label);
            this.values = List.copyOf(values);
            this.logScale = logScale;
            setAutoRange(false);
            if (values.isEmpty()) {
                setRange(logScale ? 0 : 1, logScale ? 1 : 2);
            } else {
                double lo = position(values.first(), logScale);
                double hi = position(values.last(), logScale);
                setRange(lo - 0.5, hi + 0.5);
            }
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            List ticks = new ArrayList();
            for (int v : values) {
                ticks.add(new NumberTick(position(v, logScale), Integer.toString(v),
                        TextAnchor.TOP_CENTER, TextAnchor.TOP_CENTER, 0.0));
            }
            return ticks;
        }
    }
}
