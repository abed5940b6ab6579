package gnc.estimator.plain;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The {@code accepted} table: every draw whose L_train is below the block's keep threshold
 * (which is >= eps), one row each, so that any eps' <= keep_threshold can be re-examined with
 * SQL alone. Bounded: at most keep_cap rows per block (the first in draw order); a block's
 * {@code kept} column in {@code blocks} counts all of them, so kept > rows here shows a cap was hit.
 */
public final class AcceptedTable {
    public static final String NAME = "accepted";

    private static final String[] KEY = {"method", "width", "depth", "seed", "block", "index"};

    private AcceptedTable() {
    }

    /** One row per kept draw of the unit rows, sorted by method, point, seed, block and index. */
    public static Dataset<Row> fromUnits(Dataset<Row> units) {
        Column[] key = Arrays.stream(KEY).map(functions::col).toArray(Column[]::new);
        return units.select(functions.col("method"), functions.col("width"), functions.col("depth"),
                        functions.col("activation"), functions.col("seed"), functions.col("block"),
                        functions.explode(functions.col("kept_draws")).as("d"))
                .select(functions.col("method"), functions.col("width"), functions.col("depth"),
                        functions.col("activation"), functions.col("seed"), functions.col("block"),
                        functions.col("d.index").as("index"), functions.col("d.train_loss").as("train_loss"),
                        functions.col("d.gen_loss").as("gen_loss"), functions.col("d.w_norm").as("w_norm"))
                .repartition(1)
                .sortWithinPartitions(key);
    }
}
