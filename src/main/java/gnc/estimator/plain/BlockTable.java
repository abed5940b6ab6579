package gnc.estimator.plain;

import gnc.estimator.UnitRows;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code blocks} table: one row per block of plain G&C draws, its unit row without the kept
 * draws (which go to {@code accepted}). Counts and sums rather than means, so that any grouping of
 * rows adds up exactly.
 */
public final class BlockTable {
    public static final String NAME = "blocks";

    /** The columns: the trial key, block, then {@link BlockRecord}'s columns but kept_draws. */
    public static final StructType SCHEMA = new StructType(Arrays.stream(
                    UnitRows.schema(PlainGnc.INDEX, BlockRecord.class).fields())
            .filter(f -> !f.name().equals("kept_draws")).toArray(StructField[]::new));

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
