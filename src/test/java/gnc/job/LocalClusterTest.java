package gnc.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gnc.spec.JobSpec;
import gnc.spec.SpecParser;
import gnc.spec.Specs;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run on real executor JVMs (local-cluster[2,1,1024]) against the same spec run by the CLI on
 * local[2] in another JVM: the same tables bit for bit, also when an executor is killed with
 * SIGKILL mid-task, and when the driver itself is killed mid-sweep and the run is started again.
 */
class LocalClusterTest {
    /** Width 80 (slow draws), 2 seeds, 12 blocks each plus GD: enough work to kill things mid-run. */
    private static final String SPEC = Specs.edited("sweep.widths=[3, 80]", "seeds=2", "gnc.draws=1200000",
            "gnc.block_size=100000", "gnc.eps=0.05", "gnc.keep_threshold=0.1",
            "gd={\"lr\": 1e-2, \"epochs\": 2000, \"init_scale\": 1e-3}");
    private static final List<String> TABLES = List.of("blocks", "trials", "summary", "accepted", "gd");

    @TempDir
    static Path dir;
    private static SparkSession cluster;
    private static Path specFile;
    private static Path reference;

    @BeforeAll
    static void referenceAndCluster() throws Exception {
        specFile = dir.resolve("spec.json");
        Files.writeString(specFile, SPEC);
        reference = dir.resolve("reference");
        Process ref = cli(reference, dir.resolve("reference.log"));
        assertEquals(0, ref.waitFor(), () -> log(dir.resolve("reference.log")));

        Files.createDirectories(Path.of(System.getenv("SPARK_HOME"), "jars"));
        cluster = SparkSession.builder()
                .master("local-cluster[2,1,1024]")
                .appName("gnc-cluster-tests")
                .config("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.stop();
        }
    }

    /** gnc run SPEC on local[2] in a JVM of its own, as submit/gnc would start it. */
    private static Process cli(Path runDir, Path log) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Dio.netty") || a.startsWith("-XX:+Ignore")).toList());
        cmd.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), "gnc.cli.Main", "run",
                specFile.toString(), "--master", "local[2]", "--run-dir", runDir.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String log(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }

    private static JobSpec spec() {
        return SpecParser.parse(specFile);
    }

    private static GncJob.Result runOnCluster(Path runDir) {
        return GncJob.run(cluster, spec(), RunDirectory.at(runDir.toString(), cluster.sparkContext().hadoopConfiguration()),
                GncJob.Options.partitions(0));
    }

    /** Units in the finished unit files (each file's header counts its units). */
    private static long unitsDone(Path runDir) throws Exception {
        Path units = runDir.resolve("_units");
        if (!Files.isDirectory(units)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(units)) {
            long n = 0;
            for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".units")
                    && !f.getFileName().toString().startsWith(".")).toList()) {
                String header = Files.newBufferedReader(p).readLine();
                n += new com.fasterxml.jackson.databind.ObjectMapper().readTree(header).path("units").asLong();
            }
            return n;
        }
    }

    /**
     * A process's whole command line, from /proc (ProcessHandle.Info cuts it at 4096 characters,
     * shorter than an executor's classpath); empty when unreadable.
     */
    private static String commandLine(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), "cmdline")))
                    .replace('\0', ' ');
        } catch (java.io.IOException | SecurityException e) {
            return "";
        }
    }

    /** Every table equal to the reference's, bit for bit; gd's wall seconds are the one exception. */
    private static void assertSameTablesAsReference(Path runDir) {
        for (String t : TABLES) {
            assertEquals(Tables.exactRows(cluster, table(reference, t), "seconds"),
                    Tables.exactRows(cluster, table(runDir, t), "seconds"), t);
        }
    }

    private static String table(Path runDir, String name) {
        return RunDirectory.open(runDir.toString(), cluster.sparkContext().hadoopConfiguration()).table(name);
    }

    private static void awaitUnits(Path runDir, long atLeast, Process alive) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (unitsDone(runDir) < atLeast) {
            assertTrue(System.nanoTime() < deadline, "no progress");
            assertTrue(alive == null || alive.isAlive(), "the run ended early");
            Thread.sleep(50);
        }
    }

    @Test
    void theClusterWritesTheSameTablesEvenWhenAnExecutorIsKilled() throws Exception {
        Path runDir = dir.resolve("cluster");
        CompletableFuture<GncJob.Result> run = CompletableFuture.supplyAsync(() -> runOnCluster(runDir));
        awaitUnits(runDir, 1, null);
        String appId = cluster.sparkContext().applicationId();
        Optional<ProcessHandle> executor = ProcessHandle.allProcesses()
                .filter(p -> commandLine(p).contains("CoarseGrainedExecutorBackend") && commandLine(p).contains(appId))
                .findFirst();
        assertTrue(executor.isPresent(), "an executor JVM of this application");
        assertTrue(executor.get().destroyForcibly(), "SIGKILL sent");
        GncJob.Result r = run.get(5, TimeUnit.MINUTES);
        assertFalse(executor.get().isAlive());
        assertEquals(2 * 2 * 13, r.units());
        assertSameTablesAsReference(runDir);
    }

    @Test
    void aRunWhoseDriverIsKilledMidSweepResumesWhereItStopped() throws Exception {
        Path runDir = dir.resolve("resumed");
        Process driver = cli(runDir, dir.resolve("killed.log"));
        awaitUnits(runDir, 1, driver);
        driver.destroyForcibly().waitFor();
        long done = unitsDone(runDir);
        assertTrue(done < 52, "killed before the end (" + done + " of 52 units)");
        assertFalse(Files.exists(runDir.resolve("_commits")), "no tables before the run completes");
        GncJob.Result r = runOnCluster(runDir);
        assertEquals(52, r.units());
        assertTrue(r.computedUnits() <= 52 - done, "only the missing units: " + r.computedUnits() + " after " + done);
        assertSameTablesAsReference(runDir);
        for (File f : runDir.resolve("_units").toFile().listFiles()) {
            assertFalse(f.getName().endsWith(".tmp"), "no temporary file left: " + f.getName());
        }
    }
}
