package gnc.estimator.plain;

import gnc.estimator.TrialRows;
import gnc.results.ExactSum;
import gnc.results.TrialsTable;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Plain G&C's rows of the {@code trials} table, one per (point, seed), from its blocks:
 * <ul>
 *   <li>prior_mean = sum L_gen / draws over all draws (the chance baseline), with standard error
 *       prior_se = s / sqrt(draws), s the sample standard deviation (null below two draws);</li>
 *   <li>gnc_mean = mean L_gen over accepted draws, null when nothing was accepted; gnc_se likewise
 *       (null below two acceptances);</li>
 *   <li>acceptance_rate = accepted / draws, with its binomial standard error
 *       sqrt(rate (1 - rate) / draws).</li>
 * </ul>
 * The blocks' sums are added exactly ({@link ExactSum}) and rounded once, so the same blocks give
 * bit-identical trials at any partition count and over the whole range of doubles.
 */
final class BlockTrials {
    private BlockTrials() {
    }

    /** The trials rows of blocks (unit rows of plain G&C, with or without their kept draws). */
    static Dataset<Row> of(Dataset<Row> blocks) {
        return TrialRows.of(blocks, PlainGnc.INDEX, TrialsTable.SCHEMA, BlockTrials::trial);
    }

    static Row trial(List<Row> blocks) {
        long draws = 0;
        long accepted = 0;
        double eps = Double.NEGATIVE_INFINITY;
        double trainMin = Double.POSITIVE_INFINITY;
        ExactSum gen = new ExactSum();
        ExactSum genSq = new ExactSum();
        ExactSum acc = new ExactSum();
        ExactSum accSq = new ExactSum();
        for (Row b : blocks) {
            draws += b.<Long>getAs("draws");
            accepted += b.<Long>getAs("accepted");
            eps = Math.max(eps, b.<Double>getAs("eps"));
            trainMin = Math.min(trainMin, b.<Double>getAs("train_min"));
            gen.add(b.getAs("gen_sum"));
            genSq.add(b.getAs("gen_sumsq"));
            acc.add(b.getAs("gen_sum_accepted"));
            accSq.add(b.getAs("gen_sumsq_accepted"));
        }
        double rate = (double) accepted / draws;
        Row first = blocks.get(0);
        return RowFactory.create(first.getAs("method"), first.getAs("width"), first.getAs("depth"),
                first.getAs("activation"), first.getAs("seed"), eps, draws, accepted, rate,
                Math.sqrt(rate * (1 - rate) / draws), gen.value() / draws, standardError(gen.value(), genSq.value(), draws),
                accepted > 0 ? acc.value() / accepted : null, standardError(acc.value(), accSq.value(), accepted),
                trainMin);
    }

    /** sqrt(sample variance / count) from a sum and a sum of squares; null below two values. */
    static Double standardError(double sum, double sumSq, long count) {
        if (count < 2) {
            return null;
        }
        return Math.sqrt(Math.max(sumSq - sum * sum / count, 0.0) / (count - 1) / count);
    }

    /** A trial's G&C mean as method gnc, and its prior mean as method prior, for the summary. */
    static Dataset<Row> summaryValues(Dataset<Row> trials) {
        return trials.selectExpr("method", "width", "depth", "activation", "seed", "gnc_mean AS value", "draws",
                        "accepted", "acceptance_rate AS rate")
                .unionByName(trials.selectExpr("'prior' AS method", "width", "depth", "activation", "seed",
                        "prior_mean AS value", "draws", "accepted", "CAST(NULL AS DOUBLE) AS rate"));
    }
}
