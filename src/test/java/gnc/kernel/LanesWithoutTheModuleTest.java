package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A JVM without --add-modules jdk.incubator.vector (an executor whose options lack it) draws the
 * same bits as this one, which has it, through the plain-loop lanes, and says so in one warning
 * line (with the application's logging configuration).
 */
class LanesWithoutTheModuleTest {

    @Test
    void aJvmWithoutTheVectorModuleDrawsTheSameBitsAndWarnsOnce() throws Exception {
        assertTrue(Lanes.vectorized(), "this JVM has the module (Surefire's argLine)");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path config = Path.of("conf", "log4j2.properties").toAbsolutePath();
        Process p = new ProcessBuilder(List.of(java, "-Xmx256m", "-Dlog4j2.configurationFile=" + config,
                "-cp", System.getProperty("java.class.path"), LaneChecksum.class.getName())).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), err);
        assertEquals("false " + LaneChecksum.of(), out);
        List<String> warnings = err.lines().filter(l -> l.contains("jdk.incubator.vector")).toList();
        assertEquals(1, warnings.size(), err);
        assertTrue(warnings.get(0).contains("WARN Lanes"), warnings.get(0));
    }
}
