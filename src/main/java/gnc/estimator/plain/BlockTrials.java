package gnc.estimator.plain;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Plain G&C's rows of the {@code trials} table, one per (point, seed), aggregated from
 * {@code blocks} with Spark SQL:
 * <ul>
 *   <li>prior_mean = sum L_gen / draws over all draws (the chance baseline), with standard error
 *       prior_se = s / sqrt(draws), s the sample standard deviation;</li>
 *   <li>gnc_mean = mean L_gen over accepted draws, null when nothing was accepted; gnc_se likewise
 *       (null below two acceptances);</li>
 *   <li>acceptance_rate = accepted / draws, with its binomial standard error
 *       sqrt(rate (1 - rate) / draws).</li>
 * </ul>
 * Sums are added as DECIMAL(38, 18), which is exact and so independent of the order in which
 * Spark meets the rows: the same blocks give bit-identical trials at any partition count.
 */
final class BlockTrials {
    private BlockTrials() {
    }

    /** Aggregates a {@code blocks} dataset into trials rows. */
    static Dataset<Row> aggregate(SparkSession spark, Dataset<Row> blocks) {
        blocks.createOrReplaceTempView("trials_input_blocks");
        Dataset<Row> sums = spark.sql("""
                SELECT method, width, depth, activation, seed,
                       MAX(eps) AS eps,
                       SUM(draws) AS draws,
                       SUM(accepted) AS accepted,
                       %s AS gen_sum,
                       %s AS gen_sumsq,
                       %s AS acc_sum,
                       %s AS acc_sumsq,
                       MIN(train_min) AS train_min
                FROM trials_input_blocks
                GROUP BY method, width, depth, activation, seed
                """.formatted(exactSum("gen_sum"), exactSum("gen_sumsq"),
                exactSum("gen_sum_accepted"), exactSum("gen_sumsq_accepted")));
        sums.createOrReplaceTempView("trials_sums");
        return spark.sql("""
                SELECT method, width, depth, activation, seed, eps, draws, accepted,
                       accepted / draws AS acceptance_rate,
                       SQRT(accepted / draws * (1 - accepted / draws) / draws) AS acceptance_rate_se,
                       gen_sum / draws AS prior_mean,
                       %s AS prior_se,
                       CASE WHEN accepted > 0 THEN acc_sum / accepted END AS gnc_mean,
                       %s AS gnc_se,
                       train_min
                FROM trials_sums
                """.formatted(standardError("gen_sum", "gen_sumsq", "draws"),
                standardError("acc_sum", "acc_sumsq", "accepted")));
    }

    /** A trial's G&C mean as method gnc, and its prior mean as method prior, for the summary. */
    static Dataset<Row> summaryValues(SparkSession spark, Dataset<Row> trials) {
        trials.createOrReplaceTempView("plain_trials");
        return spark.sql("""
                SELECT method, width, depth, activation, seed, gnc_mean AS value, draws, accepted,
                       acceptance_rate AS rate
                FROM plain_trials
                UNION ALL
                SELECT 'prior', width, depth, activation, seed, prior_mean, draws, accepted, CAST(NULL AS DOUBLE)
                FROM plain_trials
                """);
    }

    /** Order-independent sum of a DOUBLE column: exact DECIMAL addition, then back to DOUBLE. */
    static String exactSum(String column) {
        return "CAST(SUM(CAST(" + column + " AS DECIMAL(38, 18))) AS DOUBLE)";
    }

    /** sqrt(sample variance / count) from a sum and sum of squares; null below two values. */
    static String standardError(String sum, String sumSq, String count) {
        return "CASE WHEN " + count + " > 1 THEN SQRT(GREATEST(" + sumSq + " - " + sum + " * " + sum + " / "
                + count + ", 0D) / (" + count + " - 1) / " + count + ") END";
    }
}
