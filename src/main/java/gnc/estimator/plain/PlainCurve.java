package gnc.estimator.plain;

import gnc.estimator.TrialRows;
import gnc.results.CurveTable;
import gnc.results.ExactSum;
import gnc.spec.JobSpec;
import gnc.spec.SweepPoint;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.collection.Seq;

/**
 * Plain G&amp;C's rows of the {@code curve} table, from the draws it already keeps: every draw
 * with L_train below gnc.keep_threshold is in its block's kept draws, so at each grid eps up to the
 * keep threshold the count of draws below eps and their L_gen are exact: P = count / draws with
 * its binomial standard error, the G&amp;C mean their mean L_gen with its standard error (sums exact,
 * rounded once, so the rows do not depend on the partitioning). Grid points above the keep
 * threshold are left out. Where a block kept more draws than gnc.keep_cap the count misses some
 * and the trial's rows are marked incomplete.
 */
final class PlainCurve {
    private PlainCurve() {
    }

    /** The curve rows of the trials of these block unit rows (kept_draws included). */
    static Dataset<Row> of(Dataset<Row> units, JobSpec spec) {
        return TrialRows.expanded(units, PlainGnc.INDEX, CurveTable.SCHEMA, blocks -> trial(blocks, spec));
    }

    private static List<Row> trial(List<Row> blocks, JobSpec spec) {
        Row first = blocks.get(0);
        double keep = first.getAs("keep_threshold");
        double[] all = spec.curveGrid(new SweepPoint(first.getAs("width"), first.getAs("depth"))).values();
        int from = 0;
        while (from < all.length && all[from] > keep) {
            from++;
        }
        int points = all.length - from;
        long[] count = new long[points];
        ExactSum[] sum = new ExactSum[points];
        ExactSum[] sumSq = new ExactSum[points];
        for (int j = 0; j < points; j++) {
            sum[j] = new ExactSum();
            sumSq[j] = new ExactSum();
        }
        long draws = 0;
        boolean complete = true;
        for (Row b : blocks) {
            draws += b.<Long>getAs("draws");
            Seq<Row> kept = b.getAs("kept_draws");
            complete &= b.<Long>getAs("kept") == kept.size();
            for (int i = 0; i < kept.size(); i++) {
                Row d = kept.apply(i);
                double train = d.getAs("train_loss");
                double gen = d.getAs("gen_loss");
                for (int j = 0; j < points && train < all[from + j]; j++) {
                    count[j]++;
                    sum[j].add(gen);
                    sumSq[j].add(gen * gen);
                }
            }
        }
        List<Row> out = new ArrayList<>();
        for (int j = 0; j < points; j++) {
            long n = count[j];
            double p = (double) n / draws;
            Double mean = n == 0 ? null : sum[j].mean(n);
            Double se = n < 2 ? null
                    : Math.sqrt(Math.max(0, sumSq[j].value() - sum[j].value() * mean) / (n - 1) / n);
            out.add(RowFactory.create(PlainGnc.METHOD, first.getAs("width"), first.getAs("depth"),
                    first.getAs("activation"), first.getAs("seed"), all[from + j], p, Math.sqrt(p * (1 - p) / draws),
                    mean, se, draws, n, complete, false, null, null));
        }
        return out;
    }
}
