package gnc.results;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code trials} table: one row per (method, point, seed), each estimator's estimate for that
 * trial. acceptance_rate estimates P(L_train < eps) under the prior (with its standard error),
 * gnc_mean the G&C posterior mean of L_gen (null when no draw was accepted), prior_mean the mean
 * L_gen over all draws (the chance baseline; null for estimators that do not estimate it); draws
 * counts the loss evaluations spent, accepted the draws or states below eps.
 */
public final class TrialsTable {
    public static final String NAME = "trials";

    private TrialsTable() {
    }

    /** The columns, in order, that every estimator's trials rows have. */
    public static final StructType SCHEMA = TrialColumns.KEY
            .add("eps", DataTypes.DoubleType, false)
            .add("draws", DataTypes.LongType, false)
            .add("accepted", DataTypes.LongType, false)
            .add("acceptance_rate", DataTypes.DoubleType, false)
            .add("acceptance_rate_se", DataTypes.DoubleType, true)
            .add("prior_mean", DataTypes.DoubleType, true)
            .add("prior_se", DataTypes.DoubleType, true)
            .add("gnc_mean", DataTypes.DoubleType, true)
            .add("gnc_se", DataTypes.DoubleType, true)
            .add("train_min", DataTypes.DoubleType, true);

    /** Trials of several methods as one table, sorted by method, point and seed. */
    public static Dataset<Row> sorted(Dataset<Row> trials) {
        return trials.repartition(1).sortWithinPartitions("method", "width", "depth", "seed");
    }
}
