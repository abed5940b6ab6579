package gnc.cli;

import java.io.PrintStream;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The closing lines of {@code gnc run} about trials whose error bars may understate their error
 * (the curve table's flagged rows, one line per trial with the advice that follows), and nothing
 * when no trial is flagged.
 */
final class FlaggedReport {
    private FlaggedReport() {
    }

    static void print(Dataset<Row> curve, PrintStream out) {
        List<Row> flagged = curve.filter("flagged").select("method", "width", "depth", "seed", "advice").distinct()
                .orderBy("method", "width", "depth", "seed").collectAsList();
        if (flagged.isEmpty()) {
            return;
        }
        out.println(flagged.size() + " trials flagged (their standard errors may understate the error):");
        for (Row r : flagged) {
            out.println("  " + r.getAs("method") + " width " + r.getAs("width") + " depth " + r.getAs("depth") + " seed "
                    + r.getAs("seed") + ": " + r.getAs("advice"));
        }
    }
}
