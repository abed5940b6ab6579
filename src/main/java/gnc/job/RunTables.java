package gnc.job;

import gnc.estimator.Estimator;
import gnc.estimator.TableSink;
import gnc.estimator.UnitRows;
import gnc.kernel.Streams;
import gnc.results.CurveTable;
import gnc.results.ManifestTable;
import gnc.results.SummaryTable;
import gnc.results.TrialsTable;
import gnc.spec.JobSpec;
import gnc.spec.SpecJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Builds every table of a run from its unit files: each estimator builds its own tables from its
 * unit rows and adds its rows of the shared ones; then {@code trials} (every estimator's rows),
 * {@code summary} (aggregated from their per-seed values), {@code curve} and {@code curve_summary}
 * (when some estimator drew a curve) and the {@code manifest}. All are
 * staged first and moved into place at the end.
 */
final class RunTables implements TableSink {
    private final SparkSession spark;
    private final TableGenerations.Generation generation;
    private final JobSpec spec;
    private final List<Dataset<Row>> trials = new ArrayList<>();
    private final List<Dataset<Row>> summaryValues = new ArrayList<>();
    private final List<Dataset<Row>> curves = new ArrayList<>();

    private RunTables(SparkSession spark, TableGenerations.Generation generation, JobSpec spec) {
        this.spark = spark;
        this.generation = generation;
        this.spec = spec;
    }

    /** About this invocation, for the manifest. */
    record Invocation(Instant started, String specGiven, String overrides, long unitsComputed) {
    }

    /** Writes a new generation of the tables from the unit rows in takes, and commits it. */
    static void write(SparkSession spark, RunDirectory dir, UnitFiles files, PlannedUnits planned,
                      List<Estimator> estimators, List<FileTake> takes, long units, Invocation invocation) {
        JobSpec spec = planned.spec();
        try {
            RunTables sink = new RunTables(spark, dir.stage(), spec);
            for (Estimator e : estimators) {
                e.writeTables(sink, unitRows(spark, planned, files, e, takes));
            }
            Dataset<Row> allTrials = TrialsTable.sorted(sink.union(sink.trials, TrialsTable.SCHEMA))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            sink.write(TrialsTable.NAME, allTrials);
            sink.write(SummaryTable.NAME, SummaryTable.aggregate(sink.union(sink.summaryValues, SummaryTable.VALUES)));
            if (!sink.curves.isEmpty()) {
                Dataset<Row> curve = sink.write(CurveTable.NAME, CurveTable.sorted(sink.union(sink.curves,
                        CurveTable.SCHEMA)));
                sink.write(CurveTable.SUMMARY, CurveTable.summary(curve));
            }
            BuildInfo build = BuildInfo.load();
            sink.write(ManifestTable.NAME, ManifestTable.of(spark, new ManifestTable.Entry(spec.name(),
                    hex(spec.jobKey()), hex(spec.dataKey()), invocation.specGiven(), invocation.overrides(),
                    SpecJson.write(spec), build.version(), build.gitCommit(), spark.version(),
                    System.getProperty("java.version"), Streams.ALGORITHM, Timestamp.from(invocation.started()),
                    Timestamp.from(Instant.now()), units, invocation.unitsComputed())));
            allTrials.unpersist();
            sink.generation.commit(spec);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the tables of " + dir.location(), e);
        }
    }

    /** An estimator's unit rows: those takes assign to it, read from their files and checked again. */
    private static Dataset<Row> unitRows(SparkSession spark, PlannedUnits planned, UnitFiles files, Estimator e,
                                         List<FileTake> takes) {
        List<FileTake> mine = takes.stream().filter(t -> t.method.equals(e.method())).toList();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        if (mine.isEmpty()) {
            return spark.createDataFrame(List.of(), UnitRows.schema(e));
        }
        jsc.setJobDescription("read " + mine.size() + " unit files of " + e.method());
        return spark.createDataFrame(jsc.parallelize(mine, Math.min(mine.size(), 4 * jsc.defaultParallelism()))
                .mapPartitions(new UnitRead(planned, files)), UnitRows.schema(e));
    }

    private Dataset<Row> union(List<Dataset<Row>> parts, org.apache.spark.sql.types.StructType schema) {
        Dataset<Row> all = spark.createDataFrame(List.of(), schema);
        for (Dataset<Row> p : parts) {
            all = all.unionByName(p);
        }
        return all;
    }

    @Override
    public SparkSession spark() {
        return spark;
    }

    @Override
    public JobSpec spec() {
        return spec;
    }

    @Override
    public Dataset<Row> write(String table, Dataset<Row> rows) {
        rows.write().parquet(generation.path(table));
        return spark.read().parquet(generation.readPath(table));
    }

    @Override
    public void addTrials(Dataset<Row> rows) {
        trials.add(rows);
    }

    @Override
    public void addSummaryValues(Dataset<Row> values) {
        summaryValues.add(values);
    }

    @Override
    public void addCurve(Dataset<Row> rows) {
        curves.add(rows);
    }

    private static String hex(long key) {
        return String.format("%016x", key);
    }
}
