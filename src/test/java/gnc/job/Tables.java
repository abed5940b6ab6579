package gnc.job;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Test helpers for reading tables back exactly. */
public final class Tables {
    private Tables() {
    }

    /**
     * The rows of a Parquet table in file order, doubles as raw bits, so equality is bit-for-bit;
     * the named columns left out.
     */
    public static List<List<Object>> exactRows(SparkSession spark, String path, String... without) {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : spark.read().parquet(path).drop(without).collectAsList()) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                Object v = r.get(i);
                values.add(v instanceof Double d ? Double.doubleToRawLongBits(d) : v);
            }
            out.add(values);
        }
        return out;
    }
}
