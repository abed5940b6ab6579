package gnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gnc.SparkTestSession;
import gnc.spec.Specs;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** plot and export on a small finished run with GD, and their refusals. */
class PlotExportCommandTest {
    @TempDir
    static Path dir;
    static Path run;

    @BeforeAll
    static void runASmallJobWithGd() throws Exception {
        SparkTestSession.get();
        Path spec = dir.resolve("small.json");
        // eps low enough that some trials accept nothing: their G&C values are missing.
        Files.writeString(spec, Specs.edited("name=\"small\"", "seeds=3", "gnc.eps=0.03", "gnc.draws=2000",
                "gd={\"lr\": 0.01, \"epochs\": 30, \"init_scale\": 0.001}"));
        run = dir.resolve("run");
        MainTest.Outcome o = MainTest.gnc("run", spec.toString(), "--run-dir", run.toString());
        assertEquals(0, o.code(), o.err());
    }

    @Test
    void plotWritesThePanelIntoTheRunAndPrintsWhere() throws Exception {
        MainTest.Outcome o = MainTest.gnc("plot", run.toString());
        assertEquals(0, o.code(), o.err());
        Path png = run.resolve("plots/small.png");
        assertEquals(png + "\n", o.out());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(480, image.getHeight());
        Path elsewhere = dir.resolve("other/p.png");
        assertEquals(0, MainTest.gnc("plot", run.toString(), "--out", elsewhere.toString()).code());
        assertTrue(Files.size(elsewhere) > 1000);
        Path log = dir.resolve("other/log.png");
        assertEquals(0, MainTest.gnc("plot", run.toString(), "--log-y", "--out", log.toString()).code());
        assertEquals(640, ImageIO.read(log.toFile()).getWidth());
    }

    @Test
    void exportWritesTheTrialsAndGdLossesInTheAuthorsLayout() throws Exception {
        MainTest.Outcome o = MainTest.gnc("export", run.toString());
        assertEquals(0, o.code(), o.err());
        Path csv = run.resolve("width_results_gt_rank=1_act=Linear_gnc_init=gauss.csv");
        assertEquals(csv + "\n", o.out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("width,gnc_gen_seed=0,prior_gen_seed=0,gd_gen_seed=0,gnc_gen_seed=1,prior_gen_seed=1,gd_gen_seed=1,"
                + "gnc_gen_seed=2,prior_gen_seed=2,gd_gen_seed=2", lines.get(0));
        assertEquals(3, lines.size(), "a header and one line per width");

        Map<String, Double> expected = new HashMap<>();
        var spark = SparkTestSession.get();
        for (Row r : spark.read().parquet(gnc.Runs.table(run, "trials")).collectAsList()) {
            String at = r.getAs("width") + "/" + r.getAs("seed");
            expected.put("gnc " + at, r.getAs("gnc_mean"));
            expected.put("prior " + at, r.getAs("prior_mean"));
        }
        for (Row r : spark.read().parquet(gnc.Runs.table(run, "gd")).collectAsList()) {
            expected.put("gd " + r.getAs("width") + "/" + r.getAs("seed"), r.getAs("gen_loss"));
        }
        int missing = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            assertEquals(10, f.length, lines.get(i));
            assertEquals(List.of("2", "5").get(i - 1), f[0]);
            for (int s = 0; s < 3; s++) {
                String[] methods = {"gnc", "prior", "gd"};
                for (int m = 0; m < 3; m++) {
                    Double want = expected.get(methods[m] + " " + f[0] + "/" + s);
                    String got = f[1 + 3 * s + m];
                    if (want == null) {
                        assertEquals("", got, methods[m] + " at " + f[0] + " seed " + s);
                        missing++;
                    } else {
                        assertEquals(want, Double.parseDouble(got), methods[m] + " at " + f[0] + " seed " + s);
                    }
                }
            }
        }
        assertTrue(missing > 0 && missing < 6, "some, not all, G&C values missing: " + missing);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "plot                      | gnc: error: plot takes one run directory, got 0 arguments: usage: gnc plot RUN",
        "plot A_RUN A_RUN              | gnc: error: plot takes one run directory, got 2 arguments",
        "plot NO_RUN              | gnc: error: NO_RUN is not a gnc run directory (it has no run.json)",
        "plot A_RUN --size 3         | gnc: error: unknown option --size (allowed: --curve, --log-y, --master, --out)",
        "export                    | gnc: error: export takes one run directory, got 0 arguments: usage: gnc export RUN",
        "export NO_RUN            | gnc: error: NO_RUN is not a gnc run directory (it has no run.json)",
        "export UNFINISHED_RUN         | gnc: error: UNFINISHED_RUN has no tables yet (a run writes its tables when it ends",
        "plot UNFINISHED_RUN           | gnc: error: UNFINISHED_RUN has no tables yet (a run writes its tables when it ends",
    })
    void badCommandLinesFailWithOneLine(String line, String message) throws Exception {
        Path incomplete = dir.resolve("incomplete");
        Files.createDirectories(incomplete);
        Files.copy(run.resolve("run.json"), incomplete.resolve("run.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> names = Map.of("A_RUN", run.toString(), "NO_RUN", dir.resolve("nowhere").toString(),
                "UNFINISHED_RUN", incomplete.toString());
        String[] args = line.trim().split(" +");
        for (int i = 0; i < args.length; i++) {
            args[i] = names.getOrDefault(args[i], args[i]);
        }
        MainTest.Outcome o = MainTest.gnc(args);
        assertEquals(2, o.code(), o.err());
        String expected = message;
        for (Map.Entry<String, String> e : names.entrySet()) {
            expected = expected.replace(e.getKey(), e.getValue());
        }
        assertTrue(o.err().startsWith(expected), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertEquals("", o.out());
        assertFalse(Files.exists(incomplete.resolve("plots")));
    }

    @Test
    void exportNamesTheFieldsItLeavesEmpty() {
        MainTest.Outcome o = MainTest.gnc("export", run.toString(), "--out", dir.resolve("named.csv").toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().startsWith("gnc: warning: no G&C value (nothing accepted below eps 0.03) at width "), o.err());
        assertTrue(o.err().endsWith(": those gnc_gen fields are empty\n"), o.err());
        assertEquals(1, o.err().lines().count(), "the spec runs GD: no gd_gen warning; " + o.err());
    }

    /**
     * Tables that hold less than their spec.json plans (here: spec.json says 4 seeds, the tables
     * hold 3, as a damaged or hand-edited run directory may). Export and plot refuse it rather than
     * write empty seed-3 columns or a panel that looks complete.
     */
    @Test
    void tablesThatLackTrialsTheSpecPlansAreRefused() throws Exception {
        Path extended = dir.resolve("extended");
        copyTree(run, extended);
        Path spec = Path.of(java.net.URI.create(gnc.Runs.table(extended, "trials"))).getParent().resolve("spec.json");
        String text = Files.readString(spec);
        assertTrue(text.contains("\"seeds\" : 3"), text);
        Files.writeString(spec, text.replace("\"seeds\" : 3", "\"seeds\" : 4"));
        Files.deleteIfExists(spec.resolveSibling(".spec.json.crc")); // Hadoop's checksum of the file as written
        Path csv = dir.resolve("extended.csv");
        MainTest.Outcome export = MainTest.gnc("export", extended.toString(), "--out", csv.toString());
        assertEquals(2, export.code(), export.err());
        assertTrue(export.err().startsWith("gnc: error: " + extended + ": the trials table has no plain G&C row for width 2"
                + " depth 2 seed 3 (and 1 more) of the 2 points x 4 seeds spec.json plans: the tables hold less than"), export.err());
        assertEquals(1, export.err().lines().count(), export.err());
        assertFalse(Files.exists(csv));
        MainTest.Outcome plot = MainTest.gnc("plot", extended.toString());
        assertEquals(2, plot.code(), plot.err());
        assertTrue(plot.err().startsWith("gnc: error: " + extended + ": the summary table has gnc from 3 seeds at width 2"
                + " depth 2, where spec.json plans 4 seeds"), plot.err());
        assertFalse(Files.exists(extended.resolve("plots")));
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    /** Nothing accepted anywhere (eps far below any draw's train loss), without GD. */
    private static Path runAcceptingNothing(String name, String sweep) throws Exception {
        Path spec = dir.resolve(name + ".json");
        Files.writeString(spec, Specs.edited("name=\"" + name + "\"", "sweep=" + sweep, "seeds=2", "gnc.eps=1e-9",
                "gnc.draws=1000"));
        Path r = dir.resolve(name);
        MainTest.Outcome o = MainTest.gnc("run", spec.toString(), "--run-dir", r.toString());
        assertEquals(0, o.code(), o.err());
        return r;
    }

    @Test
    void aPlotSaysWhichPointsItLeavesOutAndRefusesWhenNothingIsLeft() throws Exception {
        Path widths = runAcceptingNothing("widths", "{\"widths\": [2, 5], \"depth\": 2}");
        MainTest.Outcome o = MainTest.gnc("plot", widths.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals("gnc: warning: not drawn: G&C at width 2, 5 (no seed accepted a draw below eps 1.0E-9)\n", o.err());
        assertTrue(Files.exists(widths.resolve("plots/widths.png")), "the prior is drawn");

        Path depths = runAcceptingNothing("depths", "{\"depths\": [2, 3], \"width\": 2}");
        MainTest.Outcome none = MainTest.gnc("plot", depths.toString());
        assertEquals(2, none.code(), none.err());
        assertEquals("gnc: error: " + depths + ": nothing to plot, every point is empty: G&C at depth 2, 3 (no seed"
                + " accepted a draw below eps 1.0E-9)\n", none.err());
        assertFalse(Files.exists(depths.resolve("plots")));
    }
}
