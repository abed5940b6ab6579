package gnc;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** The one SparkSession every test of this JVM shares: local[2], no UI, bound to loopback, Kryo. */
public final class SparkTestSession {
    private static SparkSession session;

    private SparkTestSession() {
    }

    public static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("gnc-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "4")
                    // Tests that run SQL DDL (the catalog's CREATE TABLE) must not leave spark-warehouse/ in the repository.
                    .config("spark.sql.warehouse.dir", Path.of(System.getProperty("java.io.tmpdir"),
                            "gnc-test-warehouse-" + ProcessHandle.current().pid()).toUri().toString())
                    // As in conf/spark-defaults.conf, so that tests meet Kryo's limits too.
                    .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                    .getOrCreate();
        }
        return session;
    }
}
