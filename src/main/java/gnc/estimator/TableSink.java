package gnc.estimator;

import gnc.spec.JobSpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Where an estimator puts what it builds from its unit rows: its own tables, and its rows of the
 * tables every estimator shares ({@code trials}: one row per (method, point, seed) in
 * {@link gnc.results.TrialsTable#SCHEMA}; {@code summary}: per-seed values in
 * {@link gnc.results.SummaryTable#VALUES}, which the sink aggregates per (method, point);
 * {@code curve}: one row per (method, point, seed, grid eps) in {@link gnc.results.CurveTable#SCHEMA},
 * which the sink also aggregates per (method, point, eps) into {@code curve_summary}).
 */
public interface TableSink {
    SparkSession spark();

    JobSpec spec();

    /** Writes one of the estimator's own tables; returns it as written, to build on. */
    Dataset<Row> write(String table, Dataset<Row> rows);

    /** Adds the estimator's rows of the trials table. */
    void addTrials(Dataset<Row> rows);

    /** Adds per-seed values to the summary. */
    void addSummaryValues(Dataset<Row> values);

    /** Adds the estimator's rows of the curve table. */
    void addCurve(Dataset<Row> rows);
}
