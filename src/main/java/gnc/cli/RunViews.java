package gnc.cli;

import gnc.job.RunDirectory;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** Registers every current table of a run directory as a temporary view named after the table. */
final class RunViews {
    private RunViews() {
    }

    /** Registers the run's tables; returns their names, sorted. */
    static List<String> register(SparkSession spark, RunDirectory run) {
        List<String> names = run.tables();
        for (String name : names) {
            spark.read().parquet(run.table(name)).createOrReplaceTempView(name);
        }
        return names;
    }
}
