package gnc;

import gnc.job.RunDirectory;
import java.nio.file.Path;

/** Where a run directory's current tables are, for tests. */
public final class Runs {
    private Runs() {
    }

    /** The current table name of the run at dir, as a path Spark's readers take. */
    public static String table(Path dir, String name) {
        return RunDirectory.open(dir.toString(), SparkTestSession.get().sparkContext().hadoopConfiguration()).table(name);
    }

    /** The same, for a run directory given as a string. */
    public static String table(String dir, String name) {
        return table(Path.of(dir), name);
    }
}
