package gnc.cli;

import gnc.results.CurvePanel;
import gnc.results.CurvePlot;
import gnc.results.CurveTable;
import gnc.results.Panel;
import gnc.results.PanelPlot;
import gnc.results.RunPanel;
import gnc.job.RunDirectory;
import gnc.results.SummaryTable;
import gnc.spec.JobSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;

/**
 * {@code gnc plot RUN [--out FILE.png] [--log-y] [--curve] [--master URL]}: the run's figure panel
 * as a PNG in the paper's style (see {@link RunPanel}), by default RUN/plots/SPEC-NAME.png, with
 * the loss axis logarithmic under {@code --log-y}; prints the file's path. With {@code --curve}:
 * the run's curves over eps instead ({@link CurvePlot}), by default RUN/plots/SPEC-NAME-curve.png. Points left out (no seed has
 * a value) are named on stderr; a run with nothing to draw, or whose summary lacks what its spec
 * plans, is refused.
 */
final class PlotCommand {
    static final String USAGE = "plot RUN [--out FILE.png] [--log-y | --curve] [--master URL]";
    private static final Set<String> OPTIONS = Set.of("--out", "--master");

    private PlotCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Options o = new Options(args, OPTIONS, Set.of("--log-y", "--curve"));
        String runDir = RunArgument.single("plot", o, USAGE);
        if (o.flag("--curve")) {
            if (o.flag("--log-y")) {
                throw new UsageException("--curve draws log-log axes: leave out --log-y");
            }
            return curve(o, runDir, out);
        }
        PanelPlot.LossScale scale = o.flag("--log-y") ? PanelPlot.LossScale.LOG : PanelPlot.LossScale.LINEAR;
        try (Sessions.Session session = Sessions.open("gnc plot", o.string("--master"))) {
            RunDirectory run = RunArgument.open(session.spark(), runDir);
            JobSpec spec = run.spec();
            List<Row> summary = RunArgument.table(session.spark(), run, SummaryTable.NAME).collectAsList();
            Panel panel;
            try {
                panel = RunPanel.of(spec, summary);
            } catch (IllegalArgumentException e) {
                throw new UsageException(runDir + ": " + e.getMessage());
            }
            List<String> leftOut = RunPanel.leftOut(spec, summary);
            if (panel.points().isEmpty()) {
                throw new UsageException(runDir + ": nothing to plot, every point is empty: "
                        + String.join("; ", leftOut));
            }
            try { // before the plots folder is made: a refused plot writes nothing
                PanelPlot.requireDrawable(panel, scale);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--log-y: " + e.getMessage());
            }
            Path file = RunArgument.output(o, run, () -> "plots/" + spec.name() + ".png");
            createParent(file);
            PanelPlot.writePng(panel, file, scale);
            leftOut.forEach(w -> err.println("gnc: warning: not drawn: " + w));
            out.println(file);
            return Main.OK;
        }
    }

    /** The curve plot of the run: refused when the run has no curve table or nothing above zero to draw. */
    private static int curve(Options o, String runDir, PrintStream out) {
        try (Sessions.Session session = Sessions.open("gnc plot", o.string("--master"))) {
            RunDirectory run = RunArgument.open(session.spark(), runDir);
            JobSpec spec = run.spec();
            if (!run.hasTable(CurveTable.SUMMARY)) {
                throw new UsageException(runDir + ": the run has no curve table (its tables are from before curves: run"
                        + " the same spec into the run directory again)");
            }
            List<Row> curve = RunArgument.table(session.spark(), run, CurveTable.SUMMARY).collectAsList();
            List<Row> summary = RunArgument.table(session.spark(), run, SummaryTable.NAME).collectAsList();
            CurvePanel panel = CurvePanel.of(spec, curve, summary);
            if (panel.lines().isEmpty()) {
                throw new UsageException(runDir + ": nothing to plot: no " + panel.method()
                        + " curve point has quartiles above zero");
            }
            Path file = RunArgument.output(o, run, () -> "plots/" + spec.name() + "-curve.png");
            createParent(file);
            CurvePlot.writePng(panel, file);
            out.println(file);
            return Main.OK;
        }
    }

    private static void createParent(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + file, e);
        }
    }
}
