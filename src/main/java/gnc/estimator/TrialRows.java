package gnc.estimator;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Rows per trial, built the one way every estimator builds them: its unit rows grouped by (point,
 * seed) on the executors, each group in index order handed to the estimator's combiner. The order
 * is fixed, so the result does not depend on the partitioning.
 */
public final class TrialRows {
    private TrialRows() {
    }

    /** Combines the unit rows of one trial, in index order, into one row. */
    @FunctionalInterface
    public interface Combiner extends Serializable {
        Row combine(List<Row> unitRows);
    }

    /** Combines the unit rows of one trial, in index order, into several rows (one per grid eps, say). */
    @FunctionalInterface
    public interface Expander extends Serializable {
        List<Row> expand(List<Row> unitRows);
    }

    /**
     * One row (of schema out) per trial of units, indexColumn ordering each trial's rows (null: one
     * unit). The grouping's output is coalesced to the session's parallelism: a trial row is small,
     * and spark.sql.shuffle.partitions (200) tasks of a few rows each only cost scheduling.
     */
    public static Dataset<Row> of(Dataset<Row> units, String indexColumn, StructType out, Combiner combiner) {
        int parallelism = units.sparkSession().sparkContext().defaultParallelism();
        return units.groupByKey((MapFunction<Row, String>) TrialRows::trialKey, Encoders.STRING())
                .mapGroups((MapGroupsFunction<String, Row, Row>) (key, rows) ->
                        combiner.combine(ordered(rows, indexColumn)), Encoders.row(out))
                .coalesce(parallelism);
    }

    /** Rows (of schema out) of each trial of units from its unit rows in index order, coalesced as {@link #of}. */
    public static Dataset<Row> expanded(Dataset<Row> units, String indexColumn, StructType out, Expander expander) {
        int parallelism = units.sparkSession().sparkContext().defaultParallelism();
        return units.groupByKey((MapFunction<Row, String>) TrialRows::trialKey, Encoders.STRING())
                .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (key, rows) ->
                        expander.expand(ordered(rows, indexColumn)).iterator(), Encoders.row(out))
                .coalesce(parallelism);
    }

    private static String trialKey(Row r) {
        return r.getAs("width") + "/" + r.getAs("depth") + "/" + r.getAs("seed");
    }

    private static List<Row> ordered(java.util.Iterator<Row> rows, String indexColumn) {
        List<Row> group = new ArrayList<>();
        rows.forEachRemaining(group::add);
        if (indexColumn != null) {
            group.sort(Comparator.comparing(r -> r.<Integer>getAs(indexColumn)));
        }
        return group;
    }
}
