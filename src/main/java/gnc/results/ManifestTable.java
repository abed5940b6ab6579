package gnc.results;

import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code manifest} table: one row describing the run that wrote the tables: the spec as given
 * and as resolved, versions, the git commit the jar was built from, the random-number algorithm,
 * and when it ran. The only table whose content changes from one run of a spec to the next.
 */
public final class ManifestTable {
    public static final String NAME = "manifest";

    public static final StructType SCHEMA = new StructType()
            .add("name", DataTypes.StringType, false)
            .add("job_key", DataTypes.StringType, false)
            .add("data_key", DataTypes.StringType, false)
            .add("spec_given", DataTypes.StringType, true)
            .add("overrides", DataTypes.StringType, false)
            .add("spec_resolved", DataTypes.StringType, false)
            .add("gnc_version", DataTypes.StringType, false)
            .add("git_commit", DataTypes.StringType, true)
            .add("spark_version", DataTypes.StringType, false)
            .add("java_version", DataTypes.StringType, false)
            .add("rng_algorithm", DataTypes.StringType, false)
            .add("started", DataTypes.TimestampType, false)
            .add("finished", DataTypes.TimestampType, false)
            .add("units", DataTypes.LongType, false)
            .add("units_computed", DataTypes.LongType, false);

    /** The values of the manifest row. */
    public record Entry(String name, String jobKey, String dataKey, String specGiven, String overrides,
                        String specResolved, String gncVersion, String gitCommit, String sparkVersion,
                        String javaVersion, String rngAlgorithm, Timestamp started, Timestamp finished, long units,
                        long unitsComputed) {
    }

    private ManifestTable() {
    }

    public static Dataset<Row> of(SparkSession spark, Entry e) {
        Row row = RowFactory.create(e.name(), e.jobKey(), e.dataKey(), e.specGiven(), e.overrides(), e.specResolved(),
                e.gncVersion(), e.gitCommit(), e.sparkVersion(), e.javaVersion(), e.rngAlgorithm(), e.started(),
                e.finished(), e.units(), e.unitsComputed());
        return spark.createDataFrame(List.of(row), SCHEMA).repartition(1);
    }
}
