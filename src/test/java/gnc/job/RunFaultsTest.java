package gnc.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gnc.Runs;
import gnc.SparkTestSession;
import gnc.spec.JobSpec;
import gnc.spec.SpecException;
import gnc.spec.SpecParser;
import gnc.spec.Specs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost, nothing mixed: damaged, foreign and missing unit files, reruns with other settings,
 * a second run on the same directory, leftovers of crashed commits. After each, the tables are the
 * uninterrupted run's, bit for bit, and no finished unit was deleted. (Kills at random moments of
 * a run are in submit/fault-injection.sh.)
 */
class RunFaultsTest {
    private static SparkSession spark;
    /** Widths 2 and 5, 3 seeds, 5 blocks of 1000 draws: 30 units. */
    private static JobSpec spec;
    private static Path reference;

    @TempDir
    static Path dir;

    @BeforeAll
    static void referenceRun() {
        spark = SparkTestSession.get();
        spec = SpecParser.parse(Specs.VALID, "x");
        reference = dir.resolve("reference");
        run(spec, reference);
    }

    private static GncJob.Result run(JobSpec s, Path runDir) {
        return GncJob.run(spark, s, RunDirectory.at(runDir.toString(), spark.sparkContext().hadoopConfiguration()),
                GncJob.Options.partitions(0));
    }

    /** A run made in two steps (2000 draws, then 5000), so that its units lie in two files per estimator. */
    private static Path twoFileRun(String name) {
        Path runDir = dir.resolve(name);
        run(spec.withDraws(2000), runDir);
        run(spec, runDir);
        return runDir;
    }

    private static List<Path> unitFiles(Path runDir) throws IOException {
        try (Stream<Path> s = Files.list(runDir.resolve(UnitFiles.DIR))) {
            return s.filter(p -> p.getFileName().toString().endsWith(UnitFiles.SUFFIX)
                    && !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    /** Every file of the unit folder with its bytes: what a run must never take away. */
    private static Map<String, byte[]> contents(Path runDir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        for (Path p : unitFiles(runDir)) {
            out.put(p.getFileName().toString(), Files.readAllBytes(p));
        }
        return out;
    }

    private static long unitsIn(Path file) throws IOException {
        return Files.readAllLines(file).size() - 2;
    }

    private static void assertSameTablesAsReference(Path runDir) {
        for (String t : List.of("blocks", "accepted", "trials", "summary")) {
            assertEquals(Tables.exactRows(spark, Runs.table(reference, t)), Tables.exactRows(spark, Runs.table(runDir, t)),
                    t);
        }
    }

    /** Rewrites a unit file's lines with a correct checksum, as a deliberate edit would. */
    private static void rewriteWithChecksum(Path file, List<String> lines) throws IOException {
        StringBuilder body = new StringBuilder();
        for (String l : lines.subList(0, lines.size() - 1)) {
            body.append(l).append('\n');
        }
        CRC32C crc = new CRC32C();
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        crc.update(bytes);
        Files.writeString(file, body + "{\"crc32c\":\"" + String.format("%08x", crc.getValue()) + "\",\"units\":"
                + (lines.size() - 2) + "}\n");
    }

    private static void assertRecomputed(Path runDir, Path damaged, long units) throws IOException {
        GncJob.Result r = run(spec, runDir);
        assertEquals(units, r.computedUnits(), "exactly the damaged file's units are computed again");
        assertTrue(Files.exists(Path.of(damaged + UnitFiles.CORRUPT)), "the damaged file is set aside, not deleted");
        assertSameTablesAsReference(runDir);
    }

    @Test
    void aTruncatedUnitFileIsSetAsideAndItsUnitsRecomputed() throws IOException {
        Path runDir = twoFileRun("truncated");
        Path f = unitFiles(runDir).get(0);
        long units = unitsIn(f);
        Files.write(f, new byte[0]);
        assertRecomputed(runDir, f, units);
    }

    @Test
    void aDirectoryInPlaceOfAUnitFileIsSetAside() throws IOException {
        Path runDir = twoFileRun("directory");
        Path f = unitFiles(runDir).get(1);
        long units = unitsIn(f);
        Files.delete(f);
        Files.createDirectory(f);
        assertRecomputed(runDir, f, units);
    }

    @Test
    void anEditedNumberFailsTheChecksum() throws IOException {
        Path runDir = twoFileRun("edited");
        Path f = unitFiles(runDir).get(0);
        long units = unitsIn(f);
        String text = Files.readString(f);
        Files.writeString(f, text.replaceFirst("\"accepted\":(\\d)", "\"accepted\":9$1"));
        assertRecomputed(runDir, f, units);
    }

    @Test
    void aRowMissingFieldsIsDamagedEvenWithAValidChecksum() throws IOException {
        Path runDir = twoFileRun("missing-fields");
        Path f = unitFiles(runDir).get(0);
        long units = unitsIn(f);
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        lines.set(1, lines.get(1).replaceFirst("\"draws\":\\d+,", "").replaceFirst("\"gen_sum\":[^,]+,", ""));
        rewriteWithChecksum(f, lines);
        assertRecomputed(runDir, f, units);
    }

    @Test
    void anotherFilesContentUnderItsNameCountsOnceAndTheMissingUnitsAreRecomputed() throws IOException {
        Path runDir = twoFileRun("foreign");
        List<Path> files = unitFiles(runDir);
        long units = unitsIn(files.get(1));
        Files.copy(files.get(0), files.get(1), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        GncJob.Result r = run(spec, runDir);
        assertEquals(units, r.computedUnits(), "the overwritten file's units, which no file holds any more");
        assertSameTablesAsReference(runDir);
    }

    @Test
    void rerunsWithFewerSeedsOrAnotherEpsDeleteNothing() throws IOException {
        Path runDir = twoFileRun("reruns");
        Map<String, byte[]> before = contents(runDir);
        run(spec.withSeeds(1), runDir);
        assertEquals(List.of(0), spark.read().parquet(Runs.table(runDir, "trials")).select("seed").distinct()
                .as(org.apache.spark.sql.Encoders.INT()).collectAsList(), "the tables show what the spec asks");
        JobSpec otherEps = SpecParser.parse(Specs.edited("gnc.eps=0.05"), "x");
        assertEquals(30, run(otherEps, runDir).computedUnits(), "another eps: every block again");
        Map<String, byte[]> after = contents(runDir);
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            assertTrue(java.util.Arrays.equals(e.getValue(), after.get(e.getKey())), "kept unchanged: " + e.getKey());
        }
        assertEquals(0, run(spec, runDir).computedUnits(), "the first settings' units are all still there");
        assertSameTablesAsReference(runDir);
    }

    @Test
    void aSecondRunOnALockedDirectoryIsRefusedInOneLine() throws IOException {
        Path runDir = twoFileRun("locked");
        Map<String, byte[]> before = contents(runDir);
        String owner = "{\"host\":\"" + java.net.InetAddress.getLocalHost().getHostName() + "\",\"pid\":"
                + ProcessHandle.current().pid() + ",\"started\":\"2026-12-01T00:00:00Z\"}";
        Files.writeString(runDir.resolve(RunLock.NAME), owner);
        SpecException e = assertThrows(SpecException.class, () -> run(spec.withSeeds(1), runDir));
        assertTrue(e.getMessage().contains("is in use by another gnc run (host "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertEquals(before.keySet(), contents(runDir).keySet());
        assertSameTablesAsReference(runDir);
        Files.delete(runDir.resolve(RunLock.NAME));
    }

    @Test
    void theLockOfAProcessThatDiedIsTakenOver() throws Exception {
        Path runDir = twoFileRun("stale");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(runDir.resolve(RunLock.NAME), "{\"host\":\"" + java.net.InetAddress.getLocalHost().getHostName()
                + "\",\"pid\":" + gone.pid() + ",\"started\":\"2026-12-01T00:00:00Z\"}");
        assertEquals(0, run(spec, runDir).computedUnits());
        assertFalse(Files.exists(runDir.resolve(RunLock.NAME)), "taken over, then given back");
        Files.writeString(runDir.resolve(RunLock.NAME), "{\"host\":\"elsewhere\",\"pid\":1,\"started\":\"then\"}");
        Files.setLastModifiedTime(runDir.resolve(RunLock.NAME), java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - 1000L * (RunLock.STALE_SECONDS + 5)));
        assertEquals(0, run(spec, runDir).computedUnits(), "a heartbeat older than the staleness limit");
    }

    @Test
    void readersFollowTheNewestMarkerAndLeftoversOfCrashedCommitsAreRemoved() throws IOException {
        Path runDir = twoFileRun("leftovers");
        RunDirectory read = RunDirectory.open(runDir.toString(), spark.sparkContext().hadoopConfiguration());
        String current = read.table("trials");
        Files.createDirectories(runDir.resolve("tables/000009/trials"));
        Files.createDirectories(runDir.resolve("_staging/000010/blocks"));
        assertEquals(current, read.table("trials"), "a generation without its marker is not current");
        run(spec, runDir);
        assertFalse(Files.exists(runDir.resolve("tables/000009")));
        assertFalse(Files.exists(runDir.resolve("_staging/000010")));
        try (Stream<Path> gens = Files.list(runDir.resolve("tables"))) {
            assertEquals(2, gens.count(), "the current generation and the one before it");
        }
        assertSameTablesAsReference(runDir);
    }

    @Test
    void lossesOfALargeGroundTruthAreSummedExactly() {
        JobSpec big = SpecParser.parse(Specs.edited("problem.gt_norm=1e6", "seeds=1"), "x");
        run(big, dir.resolve("big"));
        for (Row t : spark.read().parquet(Runs.table(dir.resolve("big"), "trials")).collectAsList()) {
            double prior = t.getAs("prior_mean");
            assertTrue(prior > 1e10 && Double.isFinite(prior), "L_gen ~ gt_norm^2 / |B|: " + prior);
            assertTrue(t.<Double>getAs("prior_se") > 0);
        }
    }

    @Test
    void specsWhoseLossesCannotBeSummedOrWhoseUnitsCannotFitAreRefusedBeforeAnythingIsWritten() {
        Map<String, String[]> cases = Map.of(
                "problem.gt_norm", new String[] {"problem.gt_norm=1e31"},
                "model.negative_slope", new String[] {"model.activation=\"leaky_relu\"", "model.negative_slope=10",
                    "sweep.depth=100"},
                "gnc.keep_cap", new String[] {"gnc.keep_cap=10000000"});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            JobSpec s = SpecParser.parse(Specs.edited(c.getValue()), "x");
            Path runDir = dir.resolve("refused");
            SpecException e = assertThrows(SpecException.class, () -> run(s, runDir), c.getKey());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(e.getMessage().contains(c.getKey()), e.getMessage());
            assertFalse(Files.exists(runDir), "nothing written");
        }
    }
}
