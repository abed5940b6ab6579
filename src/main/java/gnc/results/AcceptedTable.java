package gnc.results;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code accepted} table: every draw whose L_train is below the block's keep threshold
 * (which is >= eps), one row each, so that any eps' <= keep_threshold can be re-examined with
 * SQL alone. Bounded: at most keep_cap rows per block (the first in draw order); a block's
 * {@code kept} column in {@code blocks} counts all of them, so kept > rows here shows a cap was hit.
 */
public final class AcceptedTable {
    public static final String NAME = "accepted";

    /** One kept draw: its index in the block, its losses and ||W||_F before normalization. */
    public static final StructType DRAW = new StructType()
            .add("index", DataTypes.LongType, false)
            .add("train_loss", DataTypes.DoubleType, false)
            .add("gen_loss", DataTypes.DoubleType, false)
            .add("w_norm", DataTypes.DoubleType, false);

    private static final String[] KEY = {"method", "width", "depth", "seed", "block", "index"};

    private AcceptedTable() {
    }

    /** One row per kept draw of the unit records, sorted by method, point, seed, block and index. */
    public static Dataset<Row> fromUnits(Dataset<Row> units) {
        Column[] key = java.util.Arrays.stream(KEY).map(functions::col).toArray(Column[]::new);
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
