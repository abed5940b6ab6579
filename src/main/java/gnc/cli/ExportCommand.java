package gnc.cli;

import gnc.estimator.gd.GdTable;
import gnc.job.RunDirectory;
import gnc.results.TrialsTable;
import gnc.results.WideCsv;
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
 * {@code gnc export RUN [--out FILE.csv] [--master URL]}: the run's per-seed results in the
 * authors' wide CSV layout (see {@link WideCsv}), by default in RUN under the name their code
 * gives it; prints the file's path. Fields it leaves empty are named on stderr; a run without
 * plain G&C, or whose tables lack trials its spec plans, is refused.
 */
final class ExportCommand {
    static final String USAGE = "export RUN [--out FILE.csv] [--master URL]";
    private static final Set<String> OPTIONS = Set.of("--out", "--master");

    private ExportCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Options o = new Options(args, OPTIONS);
        String runDir = RunArgument.single("export", o, USAGE);
        try (Sessions.Session session = Sessions.open("gnc export", o.string("--master"))) {
            RunDirectory run = RunArgument.open(session.spark(), runDir);
            JobSpec spec = run.spec();
            List<Row> trials = RunArgument.table(session.spark(), run, TrialsTable.NAME).collectAsList();
            List<Row> gd = spec.gd() == null ? List.of()
                    : RunArgument.table(session.spark(), run, GdTable.NAME).collectAsList();
            String csv;
            try {
                csv = WideCsv.of(spec, trials, gd);
            } catch (IllegalArgumentException e) {
                throw new UsageException(runDir + ": " + e.getMessage());
            }
            Path file = RunArgument.output(o, run, () -> fileName(spec));
            try {
                Files.writeString(file, csv);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            WideCsv.warnings(spec, trials).forEach(w -> err.println("gnc: warning: " + w));
            out.println(file);
            return Main.OK;
        }
    }

    private static String fileName(JobSpec spec) {
        try {
            return WideCsv.fileName(spec);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
