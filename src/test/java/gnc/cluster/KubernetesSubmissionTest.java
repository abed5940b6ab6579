package gnc.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What can be checked of Kubernetes without a cluster: the submission that submit/kubernetes.sh
 * makes through Spark's own Kubernetes client (from this build's Maven jars) to a mock API
 * server, against the image that the project's Dockerfile builds (its paths, its Spark), and the
 * script's refusals of arguments a cluster would only reject after a pod was scheduled. Not
 * checked: that the image builds and that a driver pod runs (no container engine here).
 */
class KubernetesSubmissionTest {
    private static final String IMAGE = "registry.example.com/gnc:test";
    private static final String SPEC = "/opt/gnc/jobs/quick.json";
    private static final String RUN_DIR = "s3a://bucket/runs/quick";

    @TempDir
    static Path dir;
    private static Path sparkHome;
    private static MockKubernetesApi api;

    @BeforeAll
    static void sparkHomeAndApi() throws IOException {
        sparkHome = TestSparkHome.create(dir);
        api = new MockKubernetesApi();
    }

    @AfterAll
    static void stopApi() {
        if (api != null) {
            api.close();
        }
    }

    /** submit/kubernetes.sh ARGS, not waiting for the (never running) driver; its exit code, output in log. */
    private static int kubernetesSh(Path log, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", "submit/kubernetes.sh"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SUBMIT_OPTS_EXTRA", "--conf spark.kubernetes.submission.waitAppCompletion=false");
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("submit/kubernetes.sh did not return within 2 minutes");
        }
        return p.exitValue();
    }

    /** The Dockerfile's base image and its COPY instructions, source to destination. */
    private static Map<String, String> dockerfileCopies() throws IOException {
        Map<String, String> copies = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("Dockerfile"))) {
            String[] words = line.trim().split("\\s+");
            if (words[0].equals("FROM")) {
                copies.put("FROM", words[1]);
            } else if (words[0].equals("COPY")) {
                assertEquals(3, words.length, "COPY SOURCE DEST: " + line);
                copies.put(words[1], words[2]);
            }
        }
        return copies;
    }

    @Test
    void theDockerfileBuildsOnThisSparkFromTheJarAndSpecsTheScriptNames() throws IOException {
        Map<String, String> copies = dockerfileCopies();
        assertEquals("apache/spark:" + org.apache.spark.package$.MODULE$.SPARK_VERSION(), copies.get("FROM"));
        assertEquals("/opt/gnc/gnc.jar", copies.get("target/gnc.jar"), "the shaded jar (finalName gnc)");
        assertEquals("/opt/gnc/jobs", copies.get("jobs"));
        assertEquals("/opt/gnc/conf/log4j2.properties", copies.get("conf/log4j2.properties"));
        List<String> context = Files.readAllLines(Path.of(".dockerignore"));
        for (String source : copies.keySet()) {
            if (!source.equals("FROM")) {
                assertTrue(source.equals("target/gnc.jar") || Files.exists(Path.of(source)), source);
                assertTrue(context.contains("!" + source), ".dockerignore lets " + source + " into the context");
            }
        }
    }

    @Test
    void theSubmissionCreatesADriverPodOfTheImageRunningTheSpecInTheImage() throws Exception {
        Path log = dir.resolve("submit.log");
        int exit = kubernetesSh(log, api.url(), IMAGE, SPEC, "--run-dir", RUN_DIR, "--draws", "1000");
        assertEquals(0, exit, () -> read(log));

        JsonNode pod = api.sent("POST", "/api/v1/namespaces/default/pods").orElseThrow(() -> new AssertionError(
                "no driver pod created: " + api.requests()));
        JsonNode driver = pod.at("/spec/containers/0");
        assertEquals(IMAGE, driver.at("/image").asText());
        List<String> args = new ArrayList<>();
        driver.at("/args").forEach(a -> args.add(a.asText()));
        Map<String, String> copies = dockerfileCopies();
        assertEquals(List.of("--class", "gnc.cli.Main", "local://" + copies.get("target/gnc.jar"), "run", SPEC,
                "--run-dir", RUN_DIR, "--draws", "1000"), args.subList(args.size() - 9, args.size()), args.toString());
        assertTrue(SPEC.startsWith(copies.get("jobs") + "/"), "the spec is one of the image's jobs/");

        Properties conf = new Properties();
        JsonNode configMap = api.sent("PATCH", "/api/v1/namespaces/default/configmaps/").orElseThrow(() -> new AssertionError(
                "no driver ConfigMap: " + api.requests()));
        conf.load(new StringReader(configMap.at("/data/spark.properties").asText()));
        assertEquals("org.apache.spark.serializer.KryoSerializer", conf.getProperty("spark.serializer"),
                "conf/spark-defaults.conf reaches the driver");
        assertEquals("-Dlog4j2.configurationFile=" + copies.get("conf/log4j2.properties"),
                conf.getProperty("spark.driver.extraJavaOptions"));
        assertEquals(IMAGE, conf.getProperty("spark.kubernetes.container.image"), "executors run the same image");
    }

    @Test
    void argumentsAClusterWouldRejectLateAreRefusedBeforeAnyRequest() throws Exception {
        List<List<String>> bad = List.of(
                List.of("127.0.0.1:6443", IMAGE, SPEC, "--run-dir", RUN_DIR),
                List.of(api.url(), "", SPEC, "--run-dir", RUN_DIR),
                List.of(api.url(), IMAGE, "jobs/quick.json", "--run-dir", RUN_DIR),
                List.of(api.url(), IMAGE, "/opt/gnc/jobs/no-such-spec.json", "--run-dir", RUN_DIR),
                List.of(api.url(), IMAGE, SPEC),
                List.of(api.url(), IMAGE, SPEC, "--run-dir", "runs/quick"));
        int before = api.requests().size();
        for (List<String> args : bad) {
            Path log = dir.resolve("refused.log");
            assertEquals(2, kubernetesSh(log, args.toArray(String[]::new)), args::toString);
            List<String> lines = Files.readAllLines(log);
            assertEquals(1, lines.size(), () -> args + ": one line, got " + lines);
            assertTrue(lines.get(0).startsWith("gnc: "), lines::toString);
        }
        assertEquals(before, api.requests().size(), "no request reached the API server");
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
