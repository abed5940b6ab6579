package gnc.cli;

import gnc.job.RunDirectory;
import gnc.results.TextTable;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code gnc query RUN "SQL" [--csv] [--master URL]}: every table of the run directory is a view
 * under its name (blocks, trials, summary, accepted, manifest, ...); RUN may also be a folder of run
 * directories, whose tables are then views over all of them with {@code run} and {@code spec}
 * columns first (see {@link RunCatalog}). Prints the result of one read-only query (see {@link
 * ReadOnlyQuery}) aligned, or as CSV. CSV streams the rows a partition at a time, so any number
 * of them fits; an aligned table needs them all for its column widths and is refused above
 * {@value #MAX_ALIGNED_ROWS} rows.
 */
final class QueryCommand {
    static final String USAGE = "query RUN \"SQL\" [--csv] [--master URL]";
    static final int MAX_ALIGNED_ROWS = 100_000;
    /** Rows formatted per write of the CSV stream. */
    private static final int CSV_BATCH = 1_000;
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
        String master = o.string("--master");
        if (master != null) {
            MasterCheck.checkForm(master); // before the run directory, whose file system may need the cluster's jars
        }
        if (RunDirectory.at(runs, new Configuration()).localDirectory().isPresent()) {
            RunCatalog.open(runs, new Configuration()); // a wrong local path costs no Spark session
        }
        try (Sessions.Session session = Sessions.open("gnc query", master)) {
            SparkSession spark = session.spark();
            RunViews.register(spark, RunCatalog.open(runs, spark.sparkContext().hadoopConfiguration()));
            Dataset<Row> result = ReadOnlyQuery.of(spark, o.positional().get(1));
            try {
                if (o.flag("--csv")) {
                    printCsv(result, out);
                } else {
                    printAligned(result, out);
                }
            } catch (Exception e) { // errors of the query's own data, e.g. DIVIDE_BY_ZERO, are the user's
                throw ReadOnlyQuery.asUsage(e);
            }
            return Main.OK;
        }
    }

    private static void printAligned(Dataset<Row> result, PrintStream out) {
        List<Row> rows = result.takeAsList(MAX_ALIGNED_ROWS + 1);
        if (rows.size() > MAX_ALIGNED_ROWS) {
            throw new UsageException("the result has more than " + MAX_ALIGNED_ROWS + " rows, too many to align:"
                    + " add a LIMIT to the query, or give --csv and send the output to a file (CSV streams any"
                    + " number of rows)");
        }
        out.print(TextTable.aligned(result.columns(), rows));
    }

    private static void printCsv(Dataset<Row> result, PrintStream out) {
        String[] columns = result.columns();
        String header = TextTable.csv(columns, List.of());
        out.print(header);
        Iterator<Row> rows = result.toLocalIterator(); // one partition in memory at a time
        List<Row> batch = new ArrayList<>(CSV_BATCH);
        while (rows.hasNext()) {
            batch.add(rows.next());
            if (batch.size() == CSV_BATCH || !rows.hasNext()) {
                out.print(TextTable.csv(columns, batch).substring(header.length())); // the rows, not the header again
                batch.clear();
            }
        }
    }
}
