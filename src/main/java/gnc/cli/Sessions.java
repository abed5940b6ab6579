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

    /**
     * The session already running in this JVM (as in tests), or a new one. A standalone master
     * is checked to be reachable first, and a session on a cluster must get an executor within
     * {@value #EXECUTOR_WAIT_SECONDS} s: either failure is a clear error, not a hang.
     */
    static Session open(String appName, String master) {
        MasterCheck.checkReachable(master != null ? master : new SparkConf().get("spark.master", null));
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
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        if (!spark.sparkContext().isLocal()) {
            awaitExecutor(spark);
        }
        return spark;
    }

    static final int EXECUTOR_WAIT_SECONDS = 180;

    /** Waits for the first executor; without one every job would wait forever for resources. */
    private static void awaitExecutor(SparkSession spark) {
        long deadline = System.nanoTime() + EXECUTOR_WAIT_SECONDS * 1_000_000_000L;
        // The driver counts as one entry of getExecutorInfos.
        while (spark.sparkContext().statusTracker().getExecutorInfos().length < 2) {
            if (System.nanoTime() > deadline) {
                String master = spark.sparkContext().master();
                spark.stop();
                throw new UsageException("no executor joined within " + EXECUTOR_WAIT_SECONDS + " s on " + master
                        + ": does the cluster have free cores and memory for the requested executors?");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for executors", e);
            }
        }
    }
}
