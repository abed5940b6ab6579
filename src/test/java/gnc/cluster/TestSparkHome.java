package gnc.cluster;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * What a spark-submit script needs, made from this test JVM's classpath (the build's Maven jars)
 * instead of a Spark distribution and {@code mvn package}: a SPARK_HOME whose jars/ links every
 * jar of the classpath but Hadoop's mini clusters (Spark, its YARN client, the Hadoop client,
 * and the application's own dependencies), and an application jar of the compiled classes.
 */
final class TestSparkHome {
    private TestSparkHome() {
    }

    /** dir/spark-home, its jars/ linking the classpath's jars. */
    static Path create(Path dir) throws IOException {
        Path jars = Files.createDirectories(dir.resolve("spark-home").resolve("jars"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            String name = jar.getFileName().toString();
            if (name.endsWith(".jar") && !name.startsWith("hadoop-client-minicluster") && Files.isRegularFile(jar)
                    && !Files.exists(jars.resolve(name))) {
                Files.createSymbolicLink(jars.resolve(name), jar.toAbsolutePath());
            }
        }
        return jars.getParent();
    }

    /** dir/gnc.jar: the compiled main classes and resources (target/classes). */
    static Path applicationJar(Path dir) throws IOException {
        Path classes;
        try {
            classes = Path.of(gnc.cli.Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Path jar = dir.resolve("gnc.jar");
        List<Path> files;
        try (Stream<Path> s = Files.walk(classes)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            for (Path f : files) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, jarOut);
                jarOut.closeEntry();
            }
        }
        return jar;
    }
}
