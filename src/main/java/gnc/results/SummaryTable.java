package gnc.results;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code summary} table: one row per (method, point), statistics across seeds of each
 * trial's generalization loss, as the paper plots them. Methods: {@code gnc} (a trial's G&C
 * mean; a seed without acceptances has none and is left out), {@code prior} (a trial's mean
 * L_gen over all draws), and when the job runs them {@code subset} (a trial's posterior mean
 * from subset simulation) and {@code gd} (L_gen after the last epoch).
 *
 * <p>Columns: seeds_total (trials), seeds (trials with a value), median, q25, q75 (percentiles
 * with linear interpolation between order statistics, as numpy's default), mean (exact decimal
 * average), min, max, and draws and accepted summed over seeds (null for gd).
 */
public final class SummaryTable {
    public static final String NAME = "summary";

    private static final String GD_ROWS = """
              UNION ALL
              SELECT 'gd', width, depth, activation, seed, gen_loss, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)
              FROM summary_input_gd
            """;

    private SummaryTable() {
    }

    /** The summary of trials and, when gd is not null, of the gd table. */
    public static Dataset<Row> aggregate(SparkSession spark, Dataset<Row> trials, Dataset<Row> gd) {
        trials.createOrReplaceTempView("summary_input_trials");
        if (gd != null) {
            gd.createOrReplaceTempView("summary_input_gd");
        }
        return spark.sql("""
                WITH per_seed AS (
                  SELECT method, width, depth, activation, seed, gnc_mean AS value, draws, accepted
                  FROM summary_input_trials
                  UNION ALL
                  SELECT 'prior', width, depth, activation, seed, prior_mean, draws, accepted
                  FROM summary_input_trials WHERE method = 'gnc'
                  %s
                )
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
                       SUM(accepted) AS accepted
                FROM per_seed
                GROUP BY method, width, depth, activation
                """.formatted(gd == null ? "" : GD_ROWS)).repartition(1).sortWithinPartitions("method", "width", "depth");
    }
}
