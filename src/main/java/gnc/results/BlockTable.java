package gnc.results;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code blocks} table: one row per work unit (a block of draws of one method at one point
 * and seed). Counts and sums rather than means, so that any grouping of rows adds up exactly;
 * a sampler other than plain G&C adds rows under its own method name.
 */
public final class BlockTable {
    public static final String NAME = "blocks";
    /** The method name of plain Guess & Check rows. */
    public static final String GNC = "gnc";

    public static final StructType SCHEMA = TrialColumns.KEY
            .add("block", DataTypes.IntegerType, false)
            .add("eps", DataTypes.DoubleType, false)
            .add("draws", DataTypes.LongType, false)
            .add("accepted", DataTypes.LongType, false)
            .add("gen_sum", DataTypes.DoubleType, false)
            .add("gen_sumsq", DataTypes.DoubleType, false)
            .add("gen_sum_accepted", DataTypes.DoubleType, false)
            .add("gen_sumsq_accepted", DataTypes.DoubleType, false)
            .add("train_min", DataTypes.DoubleType, false)
            .add("keep_threshold", DataTypes.DoubleType, false)
            .add("kept", DataTypes.LongType, false);

    /**
     * A unit file's record (see gnc.job.UnitFiles): the block row plus the kept draws
     * (L_train < keep_threshold; at most keep_cap of them, the first in draw order).
     */
    public static final StructType UNIT_SCHEMA = SCHEMA
            .add("kept_draws", DataTypes.createArrayType(AcceptedTable.DRAW, false), false);

    /** Rows per Parquet file of the table, about 100 bytes each. */
    static final long ROWS_PER_FILE = 1_000_000;
    private static final String[] KEY = {"method", "width", "depth", "seed", "block"};

    private BlockTable() {
    }

    /**
     * Block rows in key order, in few files (one per million rows) rather than one per task:
     * the files are the same whatever the partitioning that computed the rows.
     */
    public static Dataset<Row> sorted(Dataset<Row> rows, long rowCount) {
        int files = (int) Math.max(1, (rowCount + ROWS_PER_FILE - 1) / ROWS_PER_FILE);
        Column[] key = Arrays.stream(KEY).map(functions::col).toArray(Column[]::new);
        // Hash partitioning, not range: a range partitioner samples its input, which would run the
        // whole computation twice.
        return rows.repartition(files, key).sortWithinPartitions(key);
    }

}
