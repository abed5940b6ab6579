package gnc.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code gnc catalog RUNS [--out FILE.sql] [--master URL]}: the views of {@code gnc query} as a SQL
 * file of {@code CREATE OR REPLACE TEMPORARY VIEW} statements over the runs' Parquet tables, for
 * plain Spark SQL ({@code spark-sql -i FILE.sql}, or each statement through {@code spark.sql}).
 * RUNS is a run directory or a folder of them; the file names the tables current when it was made.
 */
final class CatalogCommand {
    static final String USAGE = "catalog RUNS [--out FILE.sql] [--master URL]";
    private static final Set<String> OPTIONS = Set.of("--out", "--master");

    private CatalogCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        Options o = new Options(args, OPTIONS);
        if (o.positional().size() != 1) {
            throw new UsageException("catalog takes a run directory or a folder of them, got " + o.positional().size()
                    + " arguments: usage: gnc " + USAGE);
        }
        try (Sessions.Session session = Sessions.open("gnc catalog", o.string("--master"))) {
            RunCatalog catalog = RunCatalog.open(o.positional().get(0),
                    session.spark().sparkContext().hadoopConfiguration());
            StringBuilder sql = new StringBuilder("-- gnc catalog of " + catalog.location() + ": "
                    + catalog.runs().size() + " run(s); run it with spark-sql -i, or each statement with spark.sql\n");
            for (String statement : catalog.statements(session.spark())) {
                sql.append('\n').append(statement).append('\n');
            }
            if (o.string("--out") == null) {
                out.print(sql);
            } else {
                Path file = Path.of(o.string("--out"));
                try {
                    Files.writeString(file, sql);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file, e);
                }
                out.println(file);
            }
            return Main.OK;
        }
    }
}
