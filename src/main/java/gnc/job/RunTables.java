package gnc.job;

import gnc.kernel.Streams;
import gnc.results.AcceptedTable;
import gnc.results.BlockTable;
import gnc.results.GdTable;
import gnc.results.ManifestTable;
import gnc.results.SubsetTable;
import gnc.results.SummaryTable;
import gnc.results.TrialsTable;
import gnc.spec.GncSpec;
import gnc.spec.JobSpec;
import gnc.spec.SpecJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Builds every table of a run from its unit files: {@code blocks}, {@code accepted} and
 * {@code gd} straight from the unit records, {@code trials} and {@code summary} aggregated with Spark SQL, and the
 * {@code manifest}. All are staged first and moved into place together at the end.
 */
final class RunTables {
    private static final Logger LOG = LogManager.getLogger(RunTables.class);

    private RunTables() {
    }

    /** About this invocation, for the manifest. */
    record Invocation(Instant started, String specGiven, String overrides, long unitsComputed) {
    }

    /** Writes the tables. */
    static void write(SparkSession spark, RunDirectory dir, UnitFiles files, JobSpec spec, long units,
                      Invocation invocation) {
        try {
            Dataset<Row> unitRows = read(spark, files, BlockTable.UNIT_SCHEMA, GncUnits.METHOD, spec.gnc().runs(GncSpec.PLAIN))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> blocks = unitRows.drop("kept_draws");
            BlockTable.sorted(blocks, units).write().parquet(dir.staging(BlockTable.NAME));
            warnIfCapped(unitRows, spec);
            AcceptedTable.fromUnits(unitRows).write().parquet(dir.staging(AcceptedTable.NAME));
            Dataset<Row> trials = TrialsTable.aggregate(spark, blocks);
            if (spec.subset() != null) {
                SubsetTable.sorted(read(spark, files, SubsetTable.SCHEMA, SubsetTable.METHOD, true))
                        .write().parquet(dir.staging(SubsetTable.NAME));
                trials = trials.unionByName(SubsetTable.trials(spark, spark.read().parquet(dir.staged(SubsetTable.NAME))));
            }
            trials = TrialsTable.sorted(trials).persist(StorageLevel.MEMORY_AND_DISK());
            trials.write().parquet(dir.staging(TrialsTable.NAME));
            Dataset<Row> gd = null;
            if (spec.gd() != null) {
                GdTable.sorted(read(spark, files, GdTable.SCHEMA, GdTable.METHOD, true)).write().parquet(dir.staging(GdTable.NAME));
                gd = spark.read().parquet(dir.staged(GdTable.NAME));
            }
            SummaryTable.aggregate(spark, trials, gd).write().parquet(dir.staging(SummaryTable.NAME));

            BuildInfo build = BuildInfo.load();
            ManifestTable.of(spark, new ManifestTable.Entry(spec.name(), hex(spec.jobKey()), hex(spec.dataKey()),
                    invocation.specGiven(), invocation.overrides(), SpecJson.write(spec), build.version(),
                    build.gitCommit(), spark.version(), System.getProperty("java.version"), Streams.ALGORITHM,
                    Timestamp.from(invocation.started()), Timestamp.from(Instant.now()), units,
                    invocation.unitsComputed())).write().parquet(dir.staging(ManifestTable.NAME));
            unitRows.unpersist();
            trials.unpersist();
            dir.commitStaged();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the tables of " + dir.location(), e);
        }
    }

    /**
     * A method's unit records (FAILFAST: a malformed unit file is an error, never a row of nulls),
     * or no rows when the run does not use the method.
     */
    private static Dataset<Row> read(SparkSession spark, UnitFiles files, StructType schema, String method, boolean runs) {
        if (!runs) {
            return spark.createDataFrame(java.util.List.of(), schema);
        }
        return spark.read().schema(schema).option("mode", "FAILFAST")
                .option("pathGlobFilter", UnitFiles.pattern(method)).json(files.directory());
    }

    /** The accepted table is complete unless some block kept more draws than keep_cap. */
    private static void warnIfCapped(Dataset<Row> unitRows, JobSpec spec) {
        long capped = unitRows.filter("kept > size(kept_draws)").count();
        if (capped > 0) {
            LOG.warn("{} blocks kept more than gnc.keep_cap = {} draws below gnc.keep_threshold = {}; the accepted "
                    + "table holds the first {} of each: raise keep_cap or lower keep_threshold to keep them all",
                    capped, spec.gnc().keepCap(), spec.gnc().keepThreshold(), spec.gnc().keepCap());
        }
    }

    private static String hex(long key) {
        return String.format("%016x", key);
    }
}
