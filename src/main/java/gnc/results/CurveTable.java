package gnc.results;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code curve} table: per (method, point, seed) and grid eps (docs/curves.md), an
 * estimator's estimate of the volume P(L_train &lt; eps) under the prior and of the G&amp;C mean
 * of L_gen at eps, E[L_gen 1{L_train &lt; eps}] / P, each with its standard error; the loss
 * evaluations the trial spent; {@code accepted}, the draws below eps behind a plain G&amp;C row
 * (null for splitting); {@code complete}, false where some of those draws were not kept (a
 * block hit gnc.keep_cap: the row then counts only the kept ones); {@code flagged} and its
 * {@code advice} when the trial's error bars may understate its error (splitting's mixing
 * diagnostic, see {@link gnc.kernel.splitting.SplittingEstimate}); {@code dispersion}, that
 * diagnostic's value at this eps (splitting only).
 *
 * <p>And {@code curve_summary}: per (method, point, eps) across seeds, as the paper plots: the
 * median, q25 and q75 of the G&amp;C mean and of P (numpy's percentiles, {@link
 * SummaryTable#percentile}), the seeds with a value, those flagged, and whether every row was
 * complete.
 */
public final class CurveTable {
    public static final String NAME = "curve";
    public static final String SUMMARY = "curve_summary";

    public static final StructType SCHEMA = TrialColumns.KEY
            .add("eps", DataTypes.DoubleType, false)
            .add("probability", DataTypes.DoubleType, false)
            .add("probability_se", DataTypes.DoubleType, true)
            .add("gnc_mean", DataTypes.DoubleType, true)
            .add("gnc_se", DataTypes.DoubleType, true)
            .add("evaluations", DataTypes.LongType, false)
            .add("accepted", DataTypes.LongType, true)
            .add("complete", DataTypes.BooleanType, false)
            .add("flagged", DataTypes.BooleanType, false)
            .add("advice", DataTypes.StringType, true)
            .add("dispersion", DataTypes.DoubleType, true);

    public static final StructType SUMMARY_SCHEMA = new StructType()
            .add("method", DataTypes.StringType, false)
            .add("width", DataTypes.IntegerType, false)
            .add("depth", DataTypes.IntegerType, false)
            .add("activation", DataTypes.StringType, false)
            .add("eps", DataTypes.DoubleType, false)
            .add("seeds_total", DataTypes.LongType, false)
            .add("seeds", DataTypes.LongType, false)
            .add("median", DataTypes.DoubleType, true)
            .add("q25", DataTypes.DoubleType, true)
            .add("q75", DataTypes.DoubleType, true)
            .add("p_median", DataTypes.DoubleType, false)
            .add("p_q25", DataTypes.DoubleType, false)
            .add("p_q75", DataTypes.DoubleType, false)
            .add("flagged_seeds", DataTypes.LongType, false)
            .add("complete", DataTypes.BooleanType, false);

    private CurveTable() {
    }

    /** Curve rows of several methods, sorted by method, point, seed and decreasing eps, in one file. */
    public static Dataset<Row> sorted(Dataset<Row> rows) {
        return rows.repartition(1).sortWithinPartitions(col("method"),
                col("width"), col("depth"),
                col("seed"), col("eps").desc());
    }

    /** The summary rows per (method, point, eps), sorted as {@link #sorted} without the seed. */
    public static Dataset<Row> summary(Dataset<Row> rows) {
        return rows.groupByKey((MapFunction<Row, String>) r -> r.getAs("method") + "/" + r.getAs("width") + "/"
                        + r.getAs("depth") + "/" + Double.doubleToLongBits(r.<Double>getAs("eps")), Encoders.STRING())
                .mapGroups((MapGroupsFunction<String, Row, Row>) (key, seeds) -> {
                    List<Row> group = new ArrayList<>();
                    seeds.forEachRemaining(group::add);
                    return point(group);
                }, Encoders.row(SUMMARY_SCHEMA))
                .coalesce(1).sortWithinPartitions(col("method"),
                        col("width"), col("depth"),
                        col("eps").desc());
    }

    /** One (method, point, eps) across its seeds; the order of the seeds does not matter (values are sorted). */
    static Row point(List<Row> seeds) {
        List<Double> means = new ArrayList<>();
        double[] p = new double[seeds.size()];
        long flagged = 0;
        boolean complete = true;
        for (int i = 0; i < seeds.size(); i++) {
            Row r = seeds.get(i);
            Double m = r.getAs("gnc_mean");
            if (m != null) {
                means.add(m);
            }
            p[i] = r.getAs("probability");
            flagged += r.<Boolean>getAs("flagged") ? 1 : 0;
            complete &= r.<Boolean>getAs("complete");
        }
        double[] v = means.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        java.util.Arrays.sort(p);
        Row first = seeds.get(0);
        return RowFactory.create(first.getAs("method"), first.getAs("width"), first.getAs("depth"),
                first.getAs("activation"), first.getAs("eps"), (long) seeds.size(), (long) v.length,
                SummaryTable.percentile(v, 0.5), SummaryTable.percentile(v, 0.25), SummaryTable.percentile(v, 0.75),
                SummaryTable.percentile(p, 0.5), SummaryTable.percentile(p, 0.25), SummaryTable.percentile(p, 0.75),
                flagged, complete);
    }
}
