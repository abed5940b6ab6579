package gnc.results;

import java.util.ArrayList;
import java.util.Arrays;
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
 * The {@code summary} table: one row per (method, point), statistics across seeds of each
 * trial's generalization loss, as the paper plots them. Each estimator contributes per-seed values
 * ({@link #VALUES}) under the methods it reports: plain G&C {@code gnc} (a trial's G&C mean; a
 * seed without acceptances has none and is left out) and {@code prior} (a trial's mean L_gen over
 * all draws), subset simulation {@code subset} (its posterior mean), gradient descent {@code gd}
 * (L_gen after the last epoch).
 *
 * <p>Columns: seeds_total (trials), seeds (trials with a value), median, q25, q75 (percentiles
 * with linear interpolation between order statistics, numpy's default: {@link #percentile}), mean
 * (exact, rounded once), min, max, draws and accepted summed over seeds (null for gd), and
 * rate_median, the median over seeds of the acceptance-probability estimate (null where there is
 * none). The one place medians are taken: run's report reads them from here.
 */
public final class SummaryTable {
    public static final String NAME = "summary";

    /** One seed's value of one method at one point, with its trial's draws, acceptances and rate. */
    public static final StructType VALUES = TrialColumns.KEY
            .add("value", DataTypes.DoubleType, true)
            .add("draws", DataTypes.LongType, true)
            .add("accepted", DataTypes.LongType, true)
            .add("rate", DataTypes.DoubleType, true);

    public static final StructType SCHEMA = new StructType()
            .add("method", DataTypes.StringType, false)
            .add("width", DataTypes.IntegerType, false)
            .add("depth", DataTypes.IntegerType, false)
            .add("activation", DataTypes.StringType, false)
            .add("seeds_total", DataTypes.LongType, false)
            .add("seeds", DataTypes.LongType, false)
            .add("median", DataTypes.DoubleType, true)
            .add("q25", DataTypes.DoubleType, true)
            .add("q75", DataTypes.DoubleType, true)
            .add("mean", DataTypes.DoubleType, true)
            .add("min", DataTypes.DoubleType, true)
            .add("max", DataTypes.DoubleType, true)
            .add("draws", DataTypes.LongType, true)
            .add("accepted", DataTypes.LongType, true)
            .add("rate_median", DataTypes.DoubleType, true);

    private SummaryTable() {
    }

    /**
     * The summary of per-seed values (schema {@link #VALUES}), sorted by method and point, in one
     * task: it holds one row per (method, point, seed) (coalesce, not a 200-task shuffle).
     */
    public static Dataset<Row> aggregate(Dataset<Row> values) {
        return values.groupByKey((MapFunction<Row, String>) r -> r.getAs("method") + "/" + r.getAs("width") + "/"
                        + r.getAs("depth"), Encoders.STRING())
                .mapGroups((MapGroupsFunction<String, Row, Row>) (key, rows) -> {
                    List<Row> group = new ArrayList<>();
                    rows.forEachRemaining(group::add);
                    return point(group);
                }, Encoders.row(SCHEMA))
                .coalesce(1).sortWithinPartitions("method", "width", "depth");
    }

    /** The summary row of one (method, point) from its seeds' values. */
    static Row point(List<Row> seeds) {
        List<Double> values = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        Long draws = null;
        Long accepted = null;
        for (Row r : seeds) {
            addIfPresent(values, r.getAs("value"));
            addIfPresent(rates, r.getAs("rate"));
            draws = plus(draws, r.getAs("draws"));
            accepted = plus(accepted, r.getAs("accepted"));
        }
        double[] v = sorted(values);
        Row first = seeds.get(0);
        return RowFactory.create(first.getAs("method"), first.getAs("width"), first.getAs("depth"),
                first.getAs("activation"), (long) seeds.size(), (long) v.length, percentile(v, 0.5),
                percentile(v, 0.25), percentile(v, 0.75), mean(v), v.length == 0 ? null : v[0],
                v.length == 0 ? null : v[v.length - 1], draws, accepted, percentile(sorted(rates), 0.5));
    }

    /**
     * The p-quantile of sorted values with linear interpolation between order statistics (numpy's
     * default): h = (n - 1) p, v[floor h] + (h - floor h) (v[floor h + 1] - v[floor h]); null for none.
     */
    public static Double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return null;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
    }

    /** The exact mean, rounded once; null for none. */
    private static Double mean(double[] v) {
        if (v.length == 0) {
            return null;
        }
        ExactSum sum = new ExactSum();
        Arrays.stream(v).forEach(sum::add);
        return sum.mean(v.length);
    }

    private static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** total + x, where a missing x leaves total as it is and a missing total counts as 0. */
    private static Long plus(Long total, Long x) {
        if (x == null) {
            return total;
        }
        return total == null ? x : total + x;
    }

    private static void addIfPresent(List<Double> values, Double v) {
        if (v != null) {
            values.add(v);
        }
    }
}
