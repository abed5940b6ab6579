package gnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import gnc.spec.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A signal during gnc run, sent to a real CLI process (logging as submit/gnc configures it): one
 * line on stderr and the signal's exit code, the finished units kept.
 */
class InterruptionTest {
    @TempDir
    Path dir;

    /** Whether the process ignores the signal (a test run started in the background may pass SIGINT ignored). */
    private static boolean ignores(long pid, int signal) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) >> (signal - 1) & 1) == 1;
            }
        }
        return false;
    }

    /** Finished unit files (each holds the units of one task). */
    private static long unitFiles(Path runDir) throws Exception {
        Path units = runDir.resolve("_units");
        if (!Files.isDirectory(units)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(units)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".units")
                    && !p.getFileName().toString().startsWith(".")).count();
        }
    }

    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"INT, 2", "TERM, 15"})
    void aSignalDuringARunPrintsOneLineAndExitsWithTheSignalsCode(String name, int number) throws Exception {
        Path spec = dir.resolve("spec.json");
        // 2 x 3 trials of 2e7 draws: a minute or more of work, so the signal comes mid-run.
        Files.writeString(spec, Specs.edited("gnc.draws=20000000", "gnc.block_size=1000000"));
        Path runDir = dir.resolve("run");
        Path err = dir.resolve("err.txt");
        List<String> cmd = ForkedJava.command(List.of("-Xmx1g",
                "-Dlog4j2.configurationFile=" + Path.of("conf/log4j2.properties").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), "gnc.cli.Main", "run", spec.toString(), "--master",
                "local[1]", "--run-dir", runDir.toString()));
        Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out.txt").toFile()).redirectError(err.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (unitFiles(runDir) < 1) {
                assertTrue(p.isAlive() && System.nanoTime() < deadline, "the run got going");
                Thread.sleep(50);
            }
            assumeFalse(ignores(p.pid(), number), "the test JVM was started with SIG" + name + " ignored");
            assertEquals(0, new ProcessBuilder("kill", "-" + name, String.valueOf(p.pid())).start().waitFor());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the run stopped");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(128 + number, p.exitValue());
        // A progress log line may come before the signal; after it, only the one line.
        List<String> lines = Files.readAllLines(err).stream().filter(l -> !l.matches("\\d\\d:\\d\\d:\\d\\d INFO progress: .*"))
                .toList();
        assertEquals(List.of(Interruption.MESSAGE), lines);
        assertTrue(unitFiles(runDir) >= 1, "finished units kept");
    }
}
