package gnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gnc.spec.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What users get wrong, through the run command: every malformed spec of the catalogue
 * (src/test/resources/bad-specs.psv) and the environment failures exit with code 2, one line
 * naming the problem, and nothing written.
 */
class FailureCatalogueTest {
    @TempDir
    Path dir;

    private void assertRefused(MainTest.Outcome o, String expectedStart, Path runDir) {
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("gnc: error: " + expectedStart), o.err());
        assertEquals(1, o.err().lines().count(), "one line: " + o.err());
        assertEquals("", o.out());
        assertFalse(Files.exists(runDir), "nothing written");
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/bad-specs.psv", delimiter = '|', quoteCharacter = '\'')
    void malformedSpecsAreRefusedBeforeAnythingIsWritten(String edit, String message) throws Exception {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, Specs.edited(edit));
        Path runDir = dir.resolve("run");
        assertRefused(MainTest.gnc("run", spec.toString(), "--run-dir", runDir.toString()), spec + ": " + message, runDir);
    }

    @Test
    void anUnreachableMasterIsReportedWithinSeconds() throws Exception {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, Specs.VALID);
        Path runDir = dir.resolve("run");
        long start = System.nanoTime();
        MainTest.Outcome o = MainTest.gnc("run", spec.toString(), "--run-dir", runDir.toString(), "--master",
                "spark://127.0.0.1:1");
        assertRefused(o, "cannot reach the Spark master spark://127.0.0.1:1 (Connection refused)", runDir);
        assertTrue((System.nanoTime() - start) / 1e9 < 2 * MasterCheck.CONNECT_TIMEOUT_MILLIS / 1000.0);
        assertRefused(MainTest.gnc("run", spec.toString(), "--run-dir", runDir.toString(), "--master", "spark://nohost"),
                "--master spark://nohost: expected spark://HOST:PORT", runDir);
    }

    @Test
    void anUnwritableRunDirectoryIsReportedBeforeAnyDraw() throws Exception {
        gnc.SparkTestSession.get();
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, Specs.VALID);
        Path file = dir.resolve("a-file");
        Files.writeString(file, "not a directory");
        MainTest.Outcome o = MainTest.gnc("run", spec.toString(), "--run-dir", file.resolve("run").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("gnc: error: cannot write run directory " + file.resolve("run")), o.err());
        MainTest.Outcome f = MainTest.gnc("run", spec.toString(), "--run-dir", file.toString());
        assertTrue(f.err().startsWith("gnc: error: --run-dir " + file + " is a file, not a directory"), f.err());
        assertEquals("not a directory", Files.readString(file), "left as it was");
    }

    @Test
    void aDiskWithoutRoomIsReportedBeforeAnyDraw() {
        assertNull(gnc.job.RunDirectoryAccess.spaceProblem(100L << 20, 200L << 20));
        assertNull(gnc.job.RunDirectoryAccess.spaceProblem(100L << 20, 0), "unknown free space: no complaint");
        assertEquals("the disk has 10 MiB free; this run needs about 100 MiB",
                gnc.job.RunDirectoryAccess.spaceProblem(100L << 20, 10L << 20));
    }

    @Test
    void aSpecThatNeverEndsIsRefusedAtTheLimit() {
        Path runDir = dir.resolve("run");
        assertRefused(MainTest.gnc("run", "/dev/zero", "--run-dir", runDir.toString()),
                "cannot read spec file /dev/zero: it is larger than 1 MiB, the most a spec file may hold", runDir);
    }

    /** Spark's jars have no S3A, GCS or Azure connector; a run directory there names what is missing. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "s3a://bucket/runs/x | its file system class Class org.apache.hadoop.fs.s3a.S3AFileSystem not found is not on the classpath (add org.apache.hadoop:hadoop-aws",
        "gs://bucket/runs/x  | its file system class Class org.apache.hadoop.fs.gs.GoogleHadoopFileSystem not found is not on the classpath",
        "abfs://c@a.dfs.core.windows.net/x | its file system class Class org.apache.hadoop.fs.azurebfs.AzureBlobFileSystem not found is not on the classpath (add org.apache.hadoop:hadoop-azure",
    })
    void aRunDirectoryWithoutItsFileSystemOnTheClasspathNamesWhatToAdd(String location, String message) throws Exception {
        gnc.SparkTestSession.get();
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, Specs.VALID);
        String scheme = location.substring(0, location.indexOf(':'));
        String expected = location + ": no Hadoop file system for scheme \"" + scheme + "\": " + message;
        // Nothing written, not even as a local path.
        assertRefused(MainTest.gnc("run", spec.toString(), "--run-dir", location), expected, Path.of(location));
        for (String command : new String[] {"plot", "export"}) {
            assertRefused(MainTest.gnc(command, location), expected, Path.of(location));
        }
        assertRefused(MainTest.gnc("query", location, "SELECT 1"), expected, Path.of(location));
    }
}
