package gnc.estimator.subset;

import gnc.kernel.SubsetEstimate;
import gnc.results.TrialsTable;
import gnc.estimator.TrialRows;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The {@code subset} table: one row per subset-simulation replica, its unit row (see
 * {@link SubsetRecord}), and the replicas' {@code trials} rows.
 */
final class SubsetTable {
    static final String NAME = "subset";

    private SubsetTable() {
    }

    /** The replica rows, sorted by point, seed and replica, in one file. */
    static Dataset<Row> sorted(Dataset<Row> units) {
        return units.repartition(1).sortWithinPartitions("width", "depth", "seed", "replica");
    }

    /**
     * One {@code trials} row per (point, seed) from its replicas, combined in replica order by
     * the kernel's {@link SubsetEstimate} (on the executors): acceptance_rate is the mean of the
     * replicas' probability estimates and acceptance_rate_se their spread / sqrt(R); gnc_mean is
     * the posterior mean of L_gen pooled over the replicas' final states below eps, gnc_se its
     * standard error from the spread across replicas; draws counts loss evaluations (the cost),
     * accepted the pooled final states. The prior columns and train_min are null.
     */
    static Dataset<Row> trials(Dataset<Row> replicas) {
        return TrialRows.of(replicas, "replica", TrialsTable.SCHEMA, SubsetTable::trial);
    }

    private static Row trial(List<Row> replicas) {
        int n = replicas.size();
        double[] p = new double[n];
        long[] counts = new long[n];
        double[] sums = new double[n];
        long evaluations = 0;
        for (int i = 0; i < n; i++) {
            Row r = replicas.get(i);
            p[i] = r.getAs("probability");
            counts[i] = r.getAs("final_count");
            sums[i] = r.getAs("gen_sum");
            evaluations += r.<Long>getAs("evaluations");
        }
        SubsetEstimate e = SubsetEstimate.combine(p, counts, sums);
        Row first = replicas.get(0);
        return RowFactory.create(SubsetEstimator.METHOD, first.getAs("width"), first.getAs("depth"),
                first.getAs("activation"), first.getAs("seed"), first.getAs("eps"), evaluations, e.finalCount(),
                e.probability(), finiteOrNull(e.probabilitySe()), null, null, finiteOrNull(e.genMean()),
                finiteOrNull(e.genSe()), null);
    }

    private static Double finiteOrNull(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
