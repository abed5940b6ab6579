package gnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gnc.job.RunDirectory;
import gnc.spec.Specs;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gnc run given a master whose executors are JVMs of their own (local-cluster, as spark:// is)
 * sends them the jar it runs from: the executors here have Spark and the other dependencies on
 * their classpath but not gnc's classes, which reach them only as spark.jars. Without it every
 * task failed with ClassNotFoundException: gnc.job.WorkUnit.
 */
class ApplicationJarClusterTest {
    @TempDir
    Path dir;

    /** target/classes as a jar, as target/gnc.jar holds them (the shaded dependencies aside). */
    private static void jar(Path classes, Path jar) throws Exception {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    @Test
    void aRunOnExecutorJvmsShipsTheJarItRunsFrom() throws Exception {
        Path classes = Path.of(Sessions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jar = dir.resolve("gnc-classes.jar");
        jar(classes, jar);
        String tests = Path.of(ApplicationJarClusterTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        List<String> dependencies = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !Path.of(e).equals(classes) && !e.equals(tests)).toList();
        String depsPath = String.join(File.pathSeparator, dependencies);
        Files.createDirectories(Path.of(System.getenv("SPARK_HOME"), "jars")); // the Worker needs the folder

        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, Specs.edited("gnc.draws=2000", "seeds=2"));
        Path runDir = dir.resolve("run");
        List<String> cmd = ForkedJava.command(List.of("-Xmx1g", "-Dspark.executor.extraClassPath=" + depsPath,
                "-Dspark.ui.enabled=false", "-cp", jar + File.pathSeparator + depsPath, "gnc.cli.Main", "run",
                spec.toString(), "--master", "local-cluster[1,1,1024]", "--run-dir", runDir.toString()));
        Path log = dir.resolve("log.txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the run ended");
        } finally {
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        assertEquals(0, p.exitValue(), output);
        assertFalse(output.contains("ClassNotFoundException"), output);
        assertTrue(output.contains("run directory: " + runDir), output);
        String trials = RunDirectory.open(runDir.toString(), new Configuration()).table("trials");
        assertTrue(Files.exists(Path.of(URI.create(trials)).resolve("_SUCCESS")), output);
    }
}
