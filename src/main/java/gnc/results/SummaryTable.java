package gnc.results;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code summary} table: one row per (method, point), statistics across seeds of each
 * trial's generalization loss, as the paper plots them. Each estimator contributes per-seed values
 * ({@link #VALUES}) under the methods it reports: plain G&C {@code gnc} (a trial's G&C mean; a
 * seed without acceptances has none and is left out) and {@code prior} (a trial's mean L_gen over
 * all draws), subset simulation {@code subset} (its posterior mean), gradient descent {@code gd}
 * (L_gen after the last epoch).
 *
 * <p>Columns: seeds_total (trials), seeds (trials with a value), median, q25, q75 (percentiles
 * with linear interpolation between order statistics, as numpy's default), mean (exact decimal
 * average), min, max, draws and accepted summed over seeds (null for gd), and rate_median, the
 * median over seeds of the acceptance-probability estimate (null where there is none).
 */
public final class SummaryTable {
    public static final String NAME = "summary";

    /** One seed's value of one method at one point, with its trial's draws, acceptances and rate. */
    public static final StructType VALUES = TrialColumns.KEY
            .add("value", DataTypes.DoubleType, true)
            .add("draws", DataTypes.LongType, true)
            .add("accepted", DataTypes.LongType, true)
            .add("rate", DataTypes.DoubleType, true);

    private SummaryTable() {
    }

    /** The summary of per-seed values (schema {@link #VALUES}). */
    public static Dataset<Row> aggregate(SparkSession spark, Dataset<Row> values) {
        values.createOrReplaceTempView("summary_values");
        return spark.sql("""
                SELECT method, width, depth, activation,
                       COUNT(*) AS seeds_total,
                       COUNT(value) AS seeds,
                       percentile(value, 0.5) AS median,
                       percentile(value, 0.25) AS q25,
                       percentile(value, 0.75) AS q75,
                       CAST(AVG(CAST(value AS DECIMAL(38, 18))) AS DOUBLE) AS mean,
                       MIN(value) AS min,
                       MAX(value) AS max,
                       SUM(draws) AS draws,
                       SUM(accepted) AS accepted,
                       percentile(rate, 0.5) AS rate_median
                FROM summary_values
                GROUP BY method, width, depth, activation
                """).repartition(1).sortWithinPartitions("method", "width", "depth");
    }
}
