package gnc.cli;

import java.util.List;
import org.apache.spark.sql.SparkSession;

/** Registers the tables of a run directory, or of a folder of them, as temporary views (see {@link RunCatalog}). */
final class RunViews {
    private RunViews() {
    }

    /** Registers the catalog's views; returns their names, sorted. */
    static List<String> register(SparkSession spark, RunCatalog catalog) {
        for (String statement : catalog.statements(spark)) {
            spark.sql(statement);
        }
        return catalog.tables();
    }
}
