package gnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gnc.SparkTestSession;
import gnc.spec.Specs;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plot --curve on a small finished run with plain G&amp;C, splitting and GD, and its refusals. */
class CurvePlotCommandTest {
    @TempDir
    static Path dir;
    static Path run;

    @BeforeAll
    static void runASmallCurveJob() throws Exception {
        SparkTestSession.get();
        Path spec = dir.resolve("curvy.json");
        Files.writeString(spec, Specs.edited("name=\"curvy\"", "seeds=3", "gnc.methods=[\"gnc\", \"splitting\"]",
                "splitting={\"replicas\": 4, \"particles\": 40, \"moves\": 2}",
                "gd={\"lr\": 0.01, \"epochs\": 30, \"init_scale\": 0.001}"));
        run = dir.resolve("run");
        MainTest.Outcome o = MainTest.gnc("run", spec.toString(), "--run-dir", run.toString());
        assertEquals(0, o.code(), o.err());
    }

    /** Pixels of exactly this RGB colour. */
    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    /** Widths 2 and 5 are drawn in tab10's first two colours (lines, markers and reference lines). */
    @Test
    void plotCurveWritesTwoPanelsOverEpsIntoTheRun() throws Exception {
        MainTest.Outcome o = MainTest.gnc("plot", run.toString(), "--curve");
        assertEquals(0, o.code(), o.err());
        Path png = run.resolve("plots/curvy-curve.png");
        assertEquals(png + "\n", o.out());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(720, image.getWidth());
        assertEquals(860, image.getHeight());
        assertTrue(count(image, 0x1F77B4) > 200, "width 2's line");
        assertTrue(count(image, 0xFF7F0E) > 200, "width 5's line");
        assertFalse(count(image, 0x2CA02C) > 0, "no third line");
    }

    @Test
    void curveAndLogYTogetherAreRefused() {
        MainTest.Outcome o = MainTest.gnc("plot", run.toString(), "--curve", "--log-y");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--curve draws log-log axes: leave out --log-y"), o.err());
    }
}
