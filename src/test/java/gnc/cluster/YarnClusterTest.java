package gnc.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gnc.SparkTestSession;
import gnc.job.GncJob;
import gnc.job.RunDirectory;
import gnc.job.Tables;
import gnc.estimator.plain.AcceptedTable;
import gnc.estimator.plain.BlockTable;
import gnc.results.ManifestTable;
import gnc.results.SummaryTable;
import gnc.results.TrialsTable;
import gnc.spec.JobSpec;
import gnc.spec.SpecParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.server.nodemanager.NodeManager;
import org.apache.hadoop.yarn.server.resourcemanager.rmapp.RMApp;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * gnc on YARN: jobs/quick.json submitted through submit/yarn.sh in cluster deploy mode (the
 * driver in YARN's ApplicationMaster) to a MiniYARNCluster, with the run directory on a
 * MiniDFSCluster (hdfs:///), writes the same tables, bit for bit, as the same spec run on
 * local[2]; and still does when the NodeManager hosting the driver is stopped mid-run (its
 * containers killed): YARN starts a second application attempt, which resumes from the unit
 * files on HDFS instead of recomputing them. The submission uses Spark from this build's Maven
 * jars (no distribution), named as local: jars (installed on every node, as here) rather than
 * uploaded to HDFS with each application, which would add 280 MB of copies per run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YarnClusterTest {
    /** quick.json cut to 24 units (3 widths x 8 seeds, one block of 20,000 draws each): short, yet many tasks per executor. */
    private static final long DRAWS = 20_000;
    private static final int SEEDS = 8;
    private static final long UNITS = 3L * SEEDS;
    private static final String SPEC = "jobs/quick.json";
    private static final List<String> TABLES = List.of(BlockTable.NAME, AcceptedTable.NAME, TrialsTable.NAME,
            SummaryTable.NAME);
    private static final String EVENT_LOG_DIR = "/spark-history";
    /**
     * Two one-core executors and the driver in 512 MiB each, few shuffle partitions for these
     * small tables, loopback only, and the event log on HDFS.
     */
    private static final String SUBMIT_OPTIONS = String.join(" ",
            "--num-executors 2 --executor-cores 1 --executor-memory 512m --driver-memory 512m",
            "--conf spark.sql.shuffle.partitions=4",
            "--conf spark.yarn.appMasterEnv.SPARK_LOCAL_IP=127.0.0.1 --conf spark.executorEnv.SPARK_LOCAL_IP=127.0.0.1",
            "--conf spark.eventLog.enabled=true --conf spark.eventLog.dir=hdfs://" + EVENT_LOG_DIR);

    @TempDir
    static Path dir;
    private static MiniHadoop hadoop;
    private static Path sparkHome;
    private static Path appJar;
    private static RunDirectory reference;

    @BeforeAll
    static void clustersAndReference() throws Exception {
        SparkSession spark = SparkTestSession.get();
        JobSpec spec = SpecParser.parse(Path.of(SPEC)).withDraws(DRAWS).withSeeds(SEEDS);
        reference = RunDirectory.at(dir.resolve("reference").toString(), spark.sparkContext().hadoopConfiguration());
        GncJob.run(spark, spec, reference, GncJob.Options.partitions(0));

        hadoop = MiniHadoop.start(dir);
        hadoop.fileSystem().mkdirs(new org.apache.hadoop.fs.Path(EVENT_LOG_DIR));
        sparkHome = TestSparkHome.create(dir);
        appJar = TestSparkHome.applicationJar(dir);
    }

    @AfterAll
    static void stopClusters() throws IOException {
        if (hadoop != null) {
            hadoop.close();
        }
    }

    @Test
    @Order(1)
    void aRunOnYarnWritesTheTablesOfALocalRun() throws Exception {
        Path log = dir.resolve("yarn.log");
        Process submit = submit("quick", log);
        assertEquals(0, finish(submit), () -> tail(log));

        RMApp app = hadoop.latestApplication();
        assertEquals(FinalApplicationStatus.SUCCEEDED, app.getFinalApplicationStatus(), () -> tail(log));
        assertEquals(1, app.getAppAttempts().size(), "one application attempt: the driver reported success");
        assertSameTablesAsReference("quick");
        assertEquals(List.of(UNITS, UNITS), unitsAndComputed("quick"));
        assertTrue(completedEventLog(app.getApplicationId().toString()), "the driver's event log on HDFS");
    }

    @Test
    @Order(2)
    void aRunWhoseDriversNodeIsLostResumesInASecondAttempt() throws Exception {
        Path log = dir.resolve("yarn-fault.log");
        Process submit = submit("fault", log);
        awaitUnitsDone("fault", 2, submit);
        NodeManager driversNode = hadoop.nodeManagerOfFirstAttempt()
                .orElseThrow(() -> new AssertionError("no NodeManager runs the first attempt's driver"));
        driversNode.stop();
        long doneBeforeTheLoss = unitsDone("fault");
        assertTrue(doneBeforeTheLoss < UNITS, "the node was lost mid-run, " + doneBeforeTheLoss + " of " + UNITS
                + " units done");
        assertEquals(0, finish(submit), () -> tail(log));

        RMApp app = hadoop.latestApplication();
        assertEquals(FinalApplicationStatus.SUCCEEDED, app.getFinalApplicationStatus(), () -> tail(log));
        assertEquals(2, app.getAppAttempts().size(), "YARN ran a second attempt after losing the driver");
        assertSameTablesAsReference("fault");
        List<Long> units = unitsAndComputed("fault");
        assertEquals(UNITS, units.get(0));
        assertTrue(units.get(1) <= UNITS - doneBeforeTheLoss, "the second attempt computed " + units.get(1)
                + " units; " + doneBeforeTheLoss + " were already in unit files");
    }

    /** submit/yarn.sh SPEC --run-dir hdfs:///runs/NAME, with Spark from this build's jars. */
    private static Process submit(String name, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bash", "submit/yarn.sh", SPEC, "--run-dir", "hdfs:///runs/" + name,
                "--draws", String.valueOf(DRAWS), "--seeds", String.valueOf(SEEDS));
        Map<String, String> env = pb.environment();
        env.put("HADOOP_CONF_DIR", hadoop.confDir().toString());
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("GNC_JAR", appJar.toString());
        env.put("SPARK_SUBMIT_OPTS_EXTRA", SUBMIT_OPTIONS + " --conf spark.yarn.jars=local:" + sparkHome.resolve("jars") + "/*");
        return pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The exit code of spark-submit, which waits for the application's end; killed after 4 minutes. */
    private static int finish(Process submit) throws InterruptedException {
        if (!submit.waitFor(4, TimeUnit.MINUTES)) {
            submit.descendants().forEach(ProcessHandle::destroyForcibly);
            submit.destroyForcibly();
            throw new AssertionError("spark-submit did not return within 4 minutes");
        }
        return submit.exitValue();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static String runUri(String name) {
        return hadoop.hdfsUri() + "/runs/" + name;
    }

    private static void assertSameTablesAsReference(String name) {
        SparkSession spark = SparkTestSession.get();
        RunDirectory run = RunDirectory.at(runUri(name), spark.sparkContext().hadoopConfiguration());
        for (String t : TABLES) {
            assertEquals(Tables.exactRows(spark, reference.table(t)), Tables.exactRows(spark, run.table(t)), t);
        }
    }

    /** The manifest's units and units computed by the invocation that wrote the tables. */
    private static List<Long> unitsAndComputed(String name) {
        SparkSession spark = SparkTestSession.get();
        RunDirectory run = RunDirectory.at(runUri(name), spark.sparkContext().hadoopConfiguration());
        Row m = spark.read().parquet(run.table(ManifestTable.NAME)).first();
        return List.of(m.<Long>getAs("units"), m.<Long>getAs("units_computed"));
    }

    /**
     * Whether the application's event log was written and closed: its files (one, or a folder of
     * rolled ones, named after the application) none of them still ".inprogress".
     */
    private static boolean completedEventLog(String appId) throws IOException {
        List<String> names = new java.util.ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = hadoop.fileSystem().listFiles(
                new org.apache.hadoop.fs.Path(EVENT_LOG_DIR), true);
        while (it.hasNext()) {
            String path = it.next().getPath().toUri().getPath();
            if (path.contains(appId)) {
                names.add(path);
            }
        }
        return !names.isEmpty() && names.stream().noneMatch(n -> n.endsWith(".inprogress"));
    }

    /** Units in the run's finished unit files on HDFS (each file's header counts its units). */
    private static long unitsDone(String name) throws IOException {
        FileSystem fs = hadoop.fileSystem();
        org.apache.hadoop.fs.Path units = new org.apache.hadoop.fs.Path("/runs/" + name + "/_units");
        if (!fs.exists(units)) {
            return 0;
        }
        long n = 0;
        for (org.apache.hadoop.fs.FileStatus st : fs.listStatus(units)) {
            String file = st.getPath().getName();
            if (file.endsWith(".units") && !file.startsWith(".")) {
                try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(fs.open(st.getPath()),
                        java.nio.charset.StandardCharsets.UTF_8))) {
                    n += new com.fasterxml.jackson.databind.ObjectMapper().readTree(in.readLine()).path("units").asLong();
                }
            }
        }
        return n;
    }

    private static void awaitUnitsDone(String name, long atLeast, Process alive) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (unitsDone(name) < atLeast) {
            assertTrue(alive.isAlive(), "spark-submit ended before the run wrote " + atLeast + " units");
            assertTrue(System.nanoTime() < deadline, "fewer than " + atLeast + " units in files after 3 minutes");
            Thread.sleep(100);
        }
    }
}
