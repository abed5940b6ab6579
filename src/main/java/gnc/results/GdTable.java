package gnc.results;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code gd} table: one row per (point, seed) gradient-descent run (PAPER.md §4): its
 * hyper-parameters, L_train and L_gen after the last epoch, and the run's wall seconds (the one
 * column that differs between two runs of a spec).
 */
public final class GdTable {
    public static final String NAME = "gd";
    public static final String METHOD = "gd";

    public static final StructType SCHEMA = TrialColumns.KEY
            .add("lr", DataTypes.DoubleType, false)
            .add("init_scale", DataTypes.DoubleType, false)
            .add("momentum", DataTypes.DoubleType, false)
            .add("epochs", DataTypes.LongType, false)
            .add("train_loss", DataTypes.DoubleType, false)
            .add("gen_loss", DataTypes.DoubleType, false)
            .add("seconds", DataTypes.DoubleType, false);

    private GdTable() {
    }

    /** The unit records, sorted by point and seed, in one file. */
    public static Dataset<Row> sorted(Dataset<Row> units) {
        return units.repartition(1).sortWithinPartitions("width", "depth", "seed");
    }
}
