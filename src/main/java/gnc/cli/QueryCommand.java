package gnc.cli;

import gnc.job.RunDirectory;
import gnc.results.TextTable;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code gnc query RUN "SQL" [--csv] [--master URL]}: every table of the run directory is a view
 * under its name (blocks, trials, summary, accepted, manifest, ...); RUN may also be a folder of run
 * directories, whose tables are then views over all of them with {@code run} and {@code spec}
 * columns first (see {@link RunCatalog}). Prints the result aligned, or as CSV.
 */
final class QueryCommand {
    static final String USAGE = "query RUN \"SQL\" [--csv] [--master URL]";
    private static final Set<String> OPTIONS = Set.of("--master");

    private QueryCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        Options o = new Options(args, OPTIONS, Set.of("--csv"));
        if (o.positional().size() != 2) {
            throw new UsageException("query takes a run directory (or a folder of them) and one SQL statement, got "
                    + o.positional().size() + " arguments: usage: gnc " + USAGE);
        }
        String runs = o.positional().get(0);
        if (RunDirectory.at(runs, new Configuration()).localDirectory().isPresent()) {
            RunCatalog.open(runs, new Configuration()); // a wrong local path costs no Spark session
        }
        try (Sessions.Session session = Sessions.open("gnc query", o.string("--master"))) {
            SparkSession spark = session.spark();
            RunViews.register(spark, RunCatalog.open(runs, spark.sparkContext().hadoopConfiguration()));
            Dataset<Row> result;
            List<Row> rows;
            try {
                result = spark.sql(o.positional().get(1));
                rows = result.collectAsList();
            } catch (Exception e) {
                // Spark's AnalysisException (also parse errors) is checked in Java terms but undeclared.
                if (e instanceof AnalysisException) {
                    throw new UsageException("SQL: " + e.getMessage().lines().findFirst().orElse(""));
                }
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            String[] columns = result.columns();
            out.print(o.flag("--csv") ? TextTable.csv(columns, rows) : TextTable.aligned(columns, rows));
            return Main.OK;
        }
    }
}
