package gnc.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The SparkSession of a command. The master comes from --master, else from spark-submit (which
 * sets spark.master), else the embedded local master with all cores: it is never hard-coded.
 */
final class Sessions {
    private Sessions() {
    }

    /** A session, and whether this command started it (and so must stop it). */
    record Session(SparkSession spark, boolean owned) implements AutoCloseable {
        @Override
        public void close() {
            if (owned) {
                spark.stop();
            }
        }
    }

    /** The session already running in this JVM (as in tests), or a new one. */
    static Session open(String appName, String master) {
        if (SparkSession.getDefaultSession().isDefined()) {
            return new Session(SparkSession.getDefaultSession().get(), false);
        }
        return new Session(start(appName, master), true);
    }

    private static SparkSession start(String appName, String master) {
        SparkConf conf = new SparkConf().setAppName(appName);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        // Spark's console progress bar would garble our own output.
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
