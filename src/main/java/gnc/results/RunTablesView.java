package gnc.results;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** Registers every table of a run directory as a temporary view named after the table. */
public final class RunTablesView {
    private RunTablesView() {
    }

    /**
     * Registers each committed table (a folder with a _SUCCESS marker; staging and unit folders
     * start with '_' and are skipped) and returns the view names, sorted.
     *
     * @throws IllegalArgumentException when location holds no gnc run
     */
    public static List<String> register(SparkSession spark, String location) throws IOException {
        Path root = new Path(location);
        FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(new Path(root, "spec.json"))) {
            throw new IllegalArgumentException(location + " is not a gnc run directory (it has no spec.json)");
        }
        List<String> names = new ArrayList<>();
        for (FileStatus st : fs.listStatus(root)) {
            String name = st.getPath().getName();
            if (st.isDirectory() && !name.startsWith("_") && !name.startsWith(".")
                    && fs.exists(new Path(st.getPath(), "_SUCCESS"))) {
                spark.read().parquet(st.getPath().toString()).createOrReplaceTempView(name);
                names.add(name);
            }
        }
        names.sort(null);
        return names;
    }
}
