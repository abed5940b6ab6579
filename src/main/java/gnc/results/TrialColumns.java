package gnc.results;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The columns that name one trial, (method, point, seed), leading every per-trial table: the
 * blocks, trials, gd and subset tables start with them, in this order, so that they join and
 * union on the same names and types.
 */
public final class TrialColumns {
    private TrialColumns() {
    }

    /** method, width, depth, activation, seed; a table appends its own columns. */
    public static final StructType KEY = new StructType()
            .add("method", DataTypes.StringType, false)
            .add("width", DataTypes.IntegerType, false)
            .add("depth", DataTypes.IntegerType, false)
            .add("activation", DataTypes.StringType, false)
            .add("seed", DataTypes.IntegerType, false);
}
