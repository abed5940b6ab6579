package gnc.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a JVM of its own with this test JVM's Spark options (the --add-opens list). */
final class ForkedJava {
    private ForkedJava() {
    }

    /** java, the Spark options, then args (more JVM options, -cp, the main class and its arguments). */
    static List<String> command(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Dio.netty") || a.startsWith("-XX:+Ignore"))
                .toList());
        cmd.addAll(args);
        return cmd;
    }
}
