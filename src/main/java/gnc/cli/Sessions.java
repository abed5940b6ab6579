package gnc.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
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
     * The session already running in this JVM (as in tests), or a new one. A --master is checked
     * for its form first, a standalone master for being reachable, and a session on a cluster must
     * get an executor within {@value #EXECUTOR_WAIT_SECONDS} s: each failure is a clear error, not
     * a stack trace or a hang.
     */
    static Session open(String appName, String master) {
        if (master != null) {
            MasterCheck.checkForm(master);
        }
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
        if (MasterCheck.hasExecutorJvms(conf.get("spark.master")) && !conf.contains("spark.jars")) {
            shipApplicationJar(conf);
        }
        // Spark's console progress bar would garble our own output.
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        // gnc makes no tables of Spark's own, but looking up a missing one (a typo in a query)
        // would create spark-warehouse/ in the working directory.
        conf.setIfMissing("spark.sql.warehouse.dir", unusedTemporaryPath("gnc-warehouse-"));
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        if (!spark.sparkContext().isLocal()) {
            awaitExecutor(spark);
        }
        return spark;
    }

    /**
     * Sends executors in JVMs of their own the jar that holds gnc's classes (spark-submit sets
     * spark.jars itself; submit/gnc runs gnc from target/gnc.jar, which this finds). Classes
     * loaded from a folder (an IDE, the tests) can only reach executors through
     * spark.executor.extraClassPath; without it every task would fail, so the run is refused.
     */
    private static void shipApplicationJar(SparkConf conf) {
        CodeSource source = Sessions.class.getProtectionDomain().getCodeSource();
        Optional<Path> jar = jarOf(source);
        if (jar.isPresent()) {
            conf.set("spark.jars", jar.get().toString());
        } else if (!conf.contains("spark.executor.extraClassPath")) {
            throw new UsageException("--master " + conf.get("spark.master") + ": executors need gnc's classes in a"
                    + " jar, but they are loaded from " + (source == null ? "no jar" : source.getLocation())
                    + ": run submit/gnc (it builds and uses target/gnc.jar) or submit/standalone.sh");
        }
    }

    static Optional<Path> jarOf(CodeSource source) {
        try {
            Path p = source == null || source.getLocation() == null ? null : Path.of(source.getLocation().toURI());
            return p != null && Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar")
                    ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A path in the temporary folder that nothing uses, removed at exit if Spark made it (empty). */
    private static String unusedTemporaryPath(String prefix) {
        try {
            Path p = Files.createTempDirectory(prefix);
            Files.delete(p);
            new File(p.toString()).deleteOnExit();
            return p.toUri().toString(); // a local path even where the default file system is HDFS
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the temporary folder " + System.getProperty("java.io.tmpdir"), e);
        }
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
