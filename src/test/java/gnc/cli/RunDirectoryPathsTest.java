package gnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gnc.spec.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any path a shell can name works the same in every command: spaces, non-ASCII letters, glob
 * characters and percent signs are taken literally, never as a pattern or an escape.
 */
class RunDirectoryPathsTest {
    private static final List<String> NAMES = List.of("a b grün", "a*b", "aXb", "[x 100%zz");

    @TempDir
    static Path dir;
    private static Path spec;

    @BeforeAll
    static void runIntoEveryName() throws Exception {
        spec = dir.resolve("s.json");
        Files.writeString(spec, Specs.edited("seeds=1", "gnc.draws=2000", "sweep.widths=[5]"));
        for (String name : NAMES) {
            MainTest.Outcome o = MainTest.gnc("run", spec.toString(), "--run-dir", dir.resolve(name).toString());
            assertEquals(0, o.code(), name + ": " + o.err());
        }
    }

    @Test
    void queryPlotAndExportReadEachRunAndOnlyIt() throws Exception {
        for (String name : NAMES) {
            Path run = dir.resolve(name);
            MainTest.Outcome q = MainTest.gnc("query", run.toString(), "SELECT COUNT(*) AS n FROM blocks", "--csv");
            assertEquals(0, q.code(), name + ": " + q.err());
            assertEquals("n\n2\n", q.out(), name + ": the run's own two blocks, not a pattern's");
            MainTest.Outcome p = MainTest.gnc("plot", run.toString());
            assertEquals(0, p.code(), name + ": " + p.err());
            assertTrue(Files.isRegularFile(run.resolve("plots/tiny.png")), name);
            MainTest.Outcome e = MainTest.gnc("export", run.toString());
            assertEquals(0, e.code(), name + ": " + e.err());
        }
    }

    @Test
    void aRerunIntoAGlobNameReadsOnlyItsOwnUnits() {
        MainTest.Outcome o = MainTest.gnc("run", spec.toString(), "--run-dir", dir.resolve("a*b").toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("2 units (0 computed now in 0 tasks)"), o.out());
    }
}
