package gnc.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PanelPlotTest {
    private static final int[] WIDTHS = {5, 20, 80};

    @TempDir
    Path dir;

    /** GD, Prior and G&C at widths 5, 20, 80, all seeds present; gncSeeds[i] seeds for G&C at WIDTHS[i]. */
    private static List<PanelPoint> widthPoints(int... gncSeeds) {
        List<PanelPoint> points = new ArrayList<>();
        for (int i = 0; i < WIDTHS.length; i++) {
            points.add(new PanelPoint("gd", WIDTHS[i], 0.02, 0.01, 0.03, 8, 8));
            points.add(new PanelPoint("prior", WIDTHS[i], 0.30, 0.28, 0.32, 8, 8));
            points.add(new PanelPoint("gnc", WIDTHS[i], 0.12 + 0.03 * i, 0.1 + 0.03 * i, 0.15 + 0.03 * i,
                    gncSeeds[i], 8));
        }
        return points;
    }

    private BufferedImage render(Panel panel, String name) throws Exception {
        Path file = dir.resolve(name);
        PanelPlot.writePng(panel, file, 480, 360, PanelPlot.LossScale.LINEAR);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(480, image.getWidth());
        assertEquals(360, image.getHeight());
        return image;
    }

    /** Pixels of exactly this colour (a filled marker's interior is drawn in the pure colour). */
    private static int count(BufferedImage image, Color colour) {
        return count(image, colour, 0, 0, image.getWidth(), image.getHeight());
    }

    /** Pixels of exactly this colour in the w x h box at (x0, y0). */
    private static int count(BufferedImage image, Color colour, int x0, int y0, int w, int h) {
        int rgb = colour.getRGB() & 0xFFFFFF;
        int n = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    private static Color colour(String method) {
        return MethodStyle.forMethods(List.of(method)).get(0).colour();
    }

    @Test
    void writesADecodablePngOfTheRequestedSizeWithEverySeriesColour() throws Exception {
        BufferedImage image = render(new Panel("linear", PanelAxis.WIDTH, widthPoints(8, 8, 8)), "full.png");
        for (String method : List.of("gd", "prior", "gnc")) {
            // three markers of ~60 filled pixels plus the legend's
            assertTrue(count(image, colour(method)) > 100, method + ": " + count(image, colour(method)));
        }
        assertTrue(GraphicsEnvironment.isHeadless());
    }

    /**
     * The reduced point (G&C at width 80, 3 of 8 seeds) is hollow: the box around its centre is
     * mostly the pure series colour in the full panel and mostly not (only the error bar through
     * the centre) in the reduced one. Its "3/8 seeds" label sits above the bar:
     * the 40 x 10 px box above the upper cap holds no ink in the full panel and some in the reduced one.
     */
    @Test
    void aPointWithFewerSeedsIsDrawnHollowAndLabelled() throws Exception {
        Panel fullPanel = new Panel("tanh", PanelAxis.WIDTH, widthPoints(8, 8, 8));
        Panel reducedPanel = new Panel("tanh", PanelAxis.WIDTH, widthPoints(8, 8, 3));
        BufferedImage full = render(fullPanel, "full.png");
        BufferedImage reduced = render(reducedPanel, "reduced.png");

        // the reduced panel has a subtitle explaining hollow markers, so its plot sits lower
        Point2D f = pixel(fullPanel, 2, 2);
        Point2D r = pixel(reducedPanel, 2, 2);
        int filled = count(full, colour("gnc"), x(f) - 3, y(f) - 2, 7, 5);
        int hollow = count(reduced, colour("gnc"), x(r) - 3, y(r) - 2, 7, 5);
        assertTrue(filled >= 18 && hollow <= 12, "pure-colour pixels in the 7 x 5 box at the marker's centre: "
                + filled + " filled (24 seen), " + hollow + " hollow (8 seen: the error bar through it)");

        int fTop = y(pixel(fullPanel, 2, 2, 0.15 + 0.06));
        int rTop = y(pixel(reducedPanel, 2, 2, 0.15 + 0.06));
        assertEquals(0, dark(full, x(f) - 20, fTop - 12, 40, 10), "nothing above a full point's bar");
        assertTrue(dark(reduced, x(r) - 20, rTop - 12, 40, 10) > 10, "the seed count is written above the bar");
    }

    /** Where item (series, item)'s median (or the given y) lands in the 480 x 360 rendering. */
    private static Point2D pixel(Panel panel, int series, int item, double... y) {
        JFreeChart chart = PanelPlot.chart(panel, PanelPlot.LossScale.LINEAR);
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.createBufferedImage(480, 360, info);
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        IntervalXYDataset data = (IntervalXYDataset) plot.getDataset();
        double x = plot.getDomainAxis().valueToJava2D(data.getXValue(series, item), area, RectangleEdge.BOTTOM);
        double v = y.length > 0 ? y[0] : data.getYValue(series, item);
        return new Point2D.Double(x, plot.getRangeAxis().valueToJava2D(v, area, RectangleEdge.LEFT));
    }

    private static int x(Point2D p) {
        return (int) Math.round(p.getX());
    }

    private static int y(Point2D p) {
        return (int) Math.round(p.getY());
    }

    /** Pixels in the box with a channel below 0xA0: drawn ink, not white or the light grid. */
    private static int dark(BufferedImage image, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                Color c = new Color(image.getRGB(x, y));
                if (Math.min(c.getRed(), Math.min(c.getGreen(), c.getBlue())) < 0xA0) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void aMissingPointIsNotDrawn() throws Exception {
        List<PanelPoint> points = new ArrayList<>(widthPoints(8, 8, 8));
        points.removeIf(p -> p.method().equals("gnc") && p.x() == 80);
        Panel gap = new Panel("leaky_relu", PanelAxis.WIDTH, points);
        IntervalXYDataset data = (IntervalXYDataset) PanelPlot.chart(gap, PanelPlot.LossScale.LINEAR).getXYPlot().getDataset();
        assertEquals(3, data.getSeriesCount());
        assertEquals("G&C", data.getSeriesKey(2));
        assertEquals(2, data.getItemCount(2));
        assertEquals(3, data.getItemCount(0));
        BufferedImage withGap = render(gap, "gap.png");
        BufferedImage full = render(new Panel("leaky_relu", PanelAxis.WIDTH, widthPoints(8, 8, 8)), "full.png");
        assertTrue(count(withGap, colour("gnc")) < count(full, colour("gnc")) - 30);
    }

    @Test
    void seriesHoldMediansAndAsymmetricQuartileBarsInTheFixedOrder() {
        JFreeChart chart = PanelPlot.chart(new Panel("linear", PanelAxis.DEPTH, List.of(
                new PanelPoint("gnc", 4, 0.1, 0.05, 0.2, 8, 8),
                new PanelPoint("gd", 2, 0.02, 0.015, 0.06, 8, 8))), PanelPlot.LossScale.LINEAR);
        IntervalXYDataset data = (IntervalXYDataset) chart.getXYPlot().getDataset();
        assertEquals("GD", data.getSeriesKey(0));
        assertEquals("G&C", data.getSeriesKey(1));
        assertEquals(0.02, data.getYValue(0, 0));
        assertEquals(0.015, data.getStartYValue(0, 0));
        assertEquals(0.06, data.getEndYValue(0, 0));
        assertEquals(0.1, data.getYValue(1, 0));
        // depths are linear; the two methods are dodged symmetrically about the true value
        assertEquals(2.0, data.getXValue(0, 0) + 0.09 / 2, 1e-12);
        assertEquals(4.0, data.getXValue(1, 0) - 0.09 / 2, 1e-12);
        assertEquals("linear", chart.getTitle().getText());
    }

    @Test
    void ticksSitAtTheSweptValuesWidthsOnALog2Scale() {
        XYPlot plot = PanelPlot.chart(new Panel("linear", PanelAxis.WIDTH, widthPoints(8, 8, 8)),
                PanelPlot.LossScale.LINEAR).getXYPlot();
        List<?> ticks = plot.getDomainAxis().refreshTicks(null, new AxisState(),
                new Rectangle2D.Double(0, 0, 400, 300), RectangleEdge.BOTTOM);
        assertEquals(3, ticks.size());
        for (int i = 0; i < WIDTHS.length; i++) {
            NumberTick tick = (NumberTick) ticks.get(i);
            assertEquals(Integer.toString(WIDTHS[i]), tick.getText());
            assertEquals(Math.log(WIDTHS[i]) / Math.log(2), tick.getValue(), 1e-12);
        }
    }

    /**
     * On the log scale equal ratios are equal distances: GD at 1e-5 and G&C at 1e-3 and 1e-1
     * (two decades apart each) land at equally spaced heights, and every tick sits at a whole
     * power of ten.
     */
    @Test
    void theLogScaleSpacesDecadesEvenly() throws Exception {
        Panel panel = new Panel("linear", PanelAxis.DEPTH, List.of(
                new PanelPoint("gd", 2, 1e-5, 5e-6, 2e-5, 8, 8),
                new PanelPoint("gnc", 2, 1e-1, 5e-2, 2e-1, 8, 8),
                new PanelPoint("gnc", 3, 1e-3, 5e-4, 2e-3, 8, 8)));
        XYPlot plot = PanelPlot.chart(panel, PanelPlot.LossScale.LOG).getXYPlot();
        assertTrue(plot.getRangeAxis() instanceof LogAxis);
        Rectangle2D area = new Rectangle2D.Double(0, 0, 400, 300);
        double gd = plot.getRangeAxis().valueToJava2D(1e-5, area, RectangleEdge.LEFT);
        double mid = plot.getRangeAxis().valueToJava2D(1e-3, area, RectangleEdge.LEFT);
        double top = plot.getRangeAxis().valueToJava2D(1e-1, area, RectangleEdge.LEFT);
        assertEquals(gd - mid, mid - top, 1e-9);
        // The data span 5e-6..2e-1, 4.6 decades, over 300 px less the axis margins: two decades
        // take about 2 / 4.6 of it (~120 px); a linear axis would squeeze 1e-5 and 1e-3 into 1 px.
        assertTrue(gd - mid > 100, "two decades take " + (gd - mid) + " px of 300");
        Graphics2D g2 = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
        List<?> ticks = plot.getRangeAxis().refreshTicks(g2, new AxisState(), area, RectangleEdge.LEFT);
        int labelled = 0;
        for (Object t : ticks) {
            ValueTick tick = (ValueTick) t;
            if (tick.getTickType() == TickType.MAJOR) { // minor ticks between decades carry no label
                double exponent = Math.log10(tick.getValue());
                assertEquals(Math.rint(exponent), exponent, 1e-9, "tick at 10^" + exponent);
                labelled++;
            }
        }
        assertTrue(labelled >= 4, labelled + " labelled ticks for 1e-5..1e-1");
        Path file = dir.resolve("log.png");
        PanelPlot.writePng(panel, file, PanelPlot.LossScale.LOG);
        assertTrue(count(ImageIO.read(file.toFile()), colour("gnc")) > 100);
    }

    @Test
    void theLogScaleRefusesAZeroLossRatherThanDropIt() {
        Panel panel = new Panel("linear", PanelAxis.DEPTH, List.of(new PanelPoint("gd", 4, 1e-5, 0.0, 2e-5, 8, 8)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PanelPlot.writePng(panel, dir.resolve("zero.png"), PanelPlot.LossScale.LOG));
        assertEquals("a log scale needs losses above zero, but gd at depth 4 has median 1.0E-5, quartiles 0.0 to 2.0E-5"
                + " (use the linear scale)", e.getMessage());
        assertFalse(Files.exists(dir.resolve("zero.png")));
        PanelPlot.requireDrawable(panel, PanelPlot.LossScale.LINEAR);
    }
}
