package gnc.estimator;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    /** One row (of schema out) per trial of units, indexColumn ordering each trial's rows (null: one unit). */
    public static Dataset<Row> of(Dataset<Row> units, String indexColumn, StructType out, Combiner combiner) {
        return units.groupByKey((MapFunction<Row, String>) r -> r.getAs("width") + "/" + r.getAs("depth") + "/"
                        + r.getAs("seed"), Encoders.STRING())
                .mapGroups((MapGroupsFunction<String, Row, Row>) (key, rows) -> {
                    List<Row> group = new ArrayList<>();
                    rows.forEachRemaining(group::add);
                    if (indexColumn != null) {
                        group.sort(Comparator.comparing(r -> r.<Integer>getAs(indexColumn)));
                    }
                    return combiner.combine(group);
                }, Encoders.row(out));
    }
}
