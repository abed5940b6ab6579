package gnc.estimator.gd;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The {@code gd} table: one row per (point, seed) gradient-descent run (see {@link GdRecord}). */
public final class GdTable {
    public static final String NAME = "gd";

    private GdTable() {
    }

    /** The run rows, sorted by point and seed, in one file. */
    static Dataset<Row> sorted(Dataset<Row> units) {
        return units.repartition(1).sortWithinPartitions("width", "depth", "seed");
    }
}
