package gnc.estimator;

import gnc.kernel.ProblemInstance;
import gnc.spec.SweepPoint;
import java.io.Serializable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One way of estimating G&C's statistics (plain draws, a rare-event method, the gradient-descent
 * baseline, ...), as a plug-in that owns its whole pipeline: it cuts each (point, seed) trial into
 * work units, names what a unit's result depends on, computes a unit with the kernel into a typed
 * record ({@link UnitRecord}, whose {@link RecordSchema} both writes the unit file and reads it back),
 * and builds its own tables and its rows of the shared {@code trials} and {@code summary} tables
 * from its unit rows. The Spark program and the table writer loop over the estimators a spec runs;
 * they know nothing of any one of them.
 *
 * <p>An estimator is built for one resolved spec, on the driver, and shipped to the executors
 * that compute its units: it must be serializable and cheap to ship.
 */
public interface Estimator extends Serializable {

    /** The method's name: the prefix of its unit files and the {@code method} column of its rows. */
    String method();

    /**
     * The name of the unit-index column of its unit rows ({@code block}, {@code replica}), or
     * null when a trial is a single unit and its rows carry no index.
     */
    String indexColumn();

    /** The record class its units compute. */
    Class<? extends Record> recordType();

    /** How many units each trial at point p has (the same for every seed): indexes 0 .. units - 1. */
    int units(SweepPoint p);

    /** Unit index of the (point, seed) trial, 0 <= index < units(p). */
    WorkUnit unit(SweepPoint p, int seed, int index);

    /**
     * A rough estimate of one unit's compute time at p on one core, in seconds: it sizes the tasks
     * (how many units share one task and one unit file), never a result.
     */
    double unitSeconds(SweepPoint p);

    /**
     * Bytes one unit's computation holds at p beyond the shared data (workspaces, kept draws), so
     * that a run that cannot fit an executor is refused before it starts.
     */
    long unitBytes(SweepPoint p);

    /** The spec fields that set {@link #unitBytes}, for the message that refuses a run too large. */
    String unitBytesFields();

    /**
     * What a unit's result depends on beyond its place (method, point, seed, index): settings,
     * data, draw streams. Part of the unit file's name, so a result of other settings is never
     * taken for this one.
     */
    String fingerprint(WorkUnit u);

    /** Computes the unit with the kernel (on an executor). */
    UnitRecord compute(WorkUnit u, ProblemInstance problem);

    /**
     * Builds the estimator's tables from its unit rows (schema {@link UnitRows#schema}; no rows
     * when the run planned none) and hands its rows of the shared tables to the sink.
     */
    void writeTables(TableSink sink, Dataset<Row> unitRows);
}
