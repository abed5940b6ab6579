package gnc.results;

import gnc.kernel.SubsetEstimate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code subset} table: one row per subset-simulation replica (gnc.job's unit of that
 * method): its estimate of P(L_train < eps), Au & Beck's coefficient of variation (null when
 * no final state lies below eps), the levels it climbed down (thresholds, acceptance rates, mean
 * rho and chain-correlation factor per level), its final states below eps with the sum and sum of
 * squares of their L_gen, and its cost in loss evaluations.
 */
public final class SubsetTable {
    public static final String NAME = "subset";
    public static final String METHOD = "subset";

    public static final StructType SCHEMA = TrialColumns.KEY
            .add("replica", DataTypes.IntegerType, false)
            .add("eps", DataTypes.DoubleType, false)
            .add("probability", DataTypes.DoubleType, false)
            .add("cv", DataTypes.DoubleType, true)
            .add("levels", DataTypes.IntegerType, false)
            .add("levels_exhausted", DataTypes.BooleanType, false)
            .add("final_count", DataTypes.LongType, false)
            .add("gen_sum", DataTypes.DoubleType, false)
            .add("gen_sumsq", DataTypes.DoubleType, false)
            .add("evaluations", DataTypes.LongType, false)
            .add("thresholds", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
            .add("acceptance_rates", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
            .add("rhos", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
            .add("correlation_factors", DataTypes.createArrayType(DataTypes.DoubleType, false), false);

    private SubsetTable() {
    }

    /** The replica records, sorted by point, seed and replica, in one file. */
    public static Dataset<Row> sorted(Dataset<Row> units) {
        return units.repartition(1).sortWithinPartitions("width", "depth", "seed", "replica");
    }

    /**
     * One {@code trials} row per (point, seed) from its replicas, combined in replica order by
     * the kernel's {@link SubsetEstimate}: acceptance_rate is the mean of the replicas'
     * probability estimates and acceptance_rate_se their spread / sqrt(R); gnc_mean is the
     * posterior mean of L_gen pooled over the replicas' final states below eps, gnc_se its
     * standard error from the spread across replicas; draws counts loss evaluations (the cost),
     * accepted the pooled final states. The prior columns and train_min are null.
     */
    public static Dataset<Row> trials(SparkSession spark, Dataset<Row> sortedReplicas) {
        List<Row> out = new ArrayList<>();
        List<Row> group = new ArrayList<>();
        for (Row r : sortedReplicas.collectAsList()) {
            if (!group.isEmpty() && !sameTrial(group.get(0), r)) {
                out.add(trial(group));
                group.clear();
            }
            group.add(r);
        }
        if (!group.isEmpty()) {
            out.add(trial(group));
        }
        return spark.createDataFrame(out, TrialsTable.SCHEMA);
    }

    private static boolean sameTrial(Row a, Row b) {
        return a.<Integer>getAs("width").equals(b.getAs("width")) && a.<Integer>getAs("depth").equals(b.getAs("depth"))
                && a.<Integer>getAs("seed").equals(b.getAs("seed"));
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
        return RowFactory.create(METHOD, first.getAs("width"), first.getAs("depth"), first.getAs("activation"),
                first.getAs("seed"), first.getAs("eps"), evaluations, e.finalCount(), e.probability(),
                finiteOrNull(e.probabilitySe()), null, null, finiteOrNull(e.genMean()), finiteOrNull(e.genSe()), null);
    }

    private static Double finiteOrNull(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
