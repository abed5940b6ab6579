package gnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gnc.SparkTestSession;
import gnc.spec.Specs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MainTest {
    @TempDir
    Path dir;

    /** Exit code, stdout and stderr of one command line. */
    record Outcome(int code, String out, String err) {
    }

    static Outcome gnc(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(Arrays.asList(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path specFile(String json) throws Exception {
        Path p = dir.resolve("spec.json");
        Files.writeString(p, json);
        return p;
    }

    /** Bad command lines: exit code 2, one line naming the problem, and nothing written. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "run                               | gnc: error: run takes exactly one spec file, got 0 arguments",
        "run SPEC SPEC                     | gnc: error: run takes exactly one spec file, got 2 arguments",
        "run SPEC --draws 0                | gnc: error: --draws must be an integer in 1..1000000000000000, got \"0\"",
        "run SPEC --draws lots             | gnc: error: --draws must be an integer in 1..1000000000000000, got \"lots\"",
        "run SPEC --draws 2.5              | gnc: error: --draws must be an integer in 1..",
        "run SPEC --seeds -2               | gnc: error: --seeds must be an integer in 1..100000, got \"-2\"",
        "run SPEC --partitions 0           | gnc: error: --partitions must be an integer in 1..1000000, got \"0\"",
        "run SPEC --draws                  | gnc: error: option --draws needs a value",
        "run SPEC --draw 5                 | gnc: error: unknown option --draw (allowed: ",
        "run SPEC --seeds 2 --seeds 3      | gnc: error: option --seeds is given twice",
        "run MISSING                       | gnc: error: cannot read spec file ",
        "run BADSPEC                       | gnc: error: BADSPEC: gnc.eps must be a finite number > 0, got -1",
        "run SPEC --master foo             | gnc: error: --master foo: expected local, local[N], local[*], local[N,F], local[*,F], local-cluster[N,C,M] or spark://HOST:PORT[,HOST:PORT...]",
        "run SPEC --master local[0]        | gnc: error: --master local[0]: expected local, local[N]",
        "run SPEC --master local[2,0]      | gnc: error: --master local[2,0]: expected local, local[N]",
        "run SPEC --master local-cluster[2,1] | gnc: error: --master local-cluster[2,1]: expected local, local[N]",
        "run SPEC --master spark://a:b     | gnc: error: --master spark://a:b: expected spark://HOST:PORT[,HOST:PORT...]",
        "run SPEC --master yarn            | gnc: error: --master yarn: gnc cannot ship itself to YARN; run it through spark-submit with submit/yarn.sh SPEC",
        "run SPEC --master k8s://https://k:6443 | gnc: error: --master k8s://https://k:6443: gnc cannot ship itself to Kubernetes; run it through spark-submit with submit/kubernetes.sh",
        "query s3a://b/run SELECT --master foo | gnc: error: --master foo: expected local",
        "frobnicate                        | gnc: error: unknown command \"frobnicate\" (commands: run, query, catalog, plot, export, problems, bench, bench-gd, help)",
        "bench --seconds 0                 | gnc: error: --seconds must be an integer in 1..600, got \"0\"",
        "bench --activation relu           | gnc: error: --activation must be one of linear, tanh, leaky_relu, got \"relu\"",
        "bench --sampler auto              | gnc: error: --sampler must be one of direct, reduced, got \"auto\"",
        "bench --spark-seconds -1          | gnc: error: --spark-seconds must be an integer in 0..3600, got \"-1\"",
    })
    void badCommandLinesFailWithAClearMessageAndWriteNothing(String line, String message) throws Exception {
        Path spec = specFile(Specs.VALID);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Specs.edited("gnc.eps=-1"));
        Path runDir = dir.resolve("out");
        List<String> args = new ArrayList<>();
        for (String a : line.trim().split(" +")) {
            args.add(switch (a) {
                case "SPEC" -> spec.toString();
                case "BADSPEC" -> bad.toString();
                case "MISSING" -> dir.resolve("missing.json").toString();
                default -> a;
            });
        }
        if (args.get(0).equals("run")) {
            args.addAll(List.of("--run-dir", runDir.toString()));
        }
        Outcome o = gnc(args.toArray(String[]::new));
        assertEquals(2, o.code(), o.err());
        String expected = message.replace("BADSPEC", bad.toString());
        assertTrue(o.err().startsWith(expected), o.err());
        assertEquals(1, o.err().lines().count(), "one line: " + o.err());
        assertEquals("", o.out());
        assertFalse(Files.exists(runDir), "nothing written");
    }

    @Test
    void runWritesTheTablesAndSaysWhere() throws Exception {
        SparkTestSession.get();
        Path spec = specFile(Specs.edited("seeds=2"));
        Path runDir = dir.resolve("run");
        Outcome o = gnc("run", spec.toString(), "--run-dir", runDir.toString(), "--draws", "3000", "--partitions", "3");
        assertEquals(0, o.code(), o.err());
        assertEquals("", o.err());
        assertTrue(o.out().startsWith("method  width  depth  seeds"), o.out());
        assertTrue(o.out().contains("gnc         5      2      2           6000"), o.out());
        assertTrue(o.out().endsWith("run directory: " + runDir + "\n"), o.out());
        assertTrue(Files.isDirectory(runDir.resolve("tables/000001/blocks")));
        assertTrue(Files.isDirectory(runDir.resolve("tables/000001/trials")));
        assertTrue(Files.readString(runDir.resolve("tables/000001/spec.json")).contains("\"draws\" : 3000"));
    }

    @Test
    void helpPrintsUsage() {
        Outcome o = gnc("help");
        assertEquals(0, o.code());
        assertTrue(o.out().startsWith("usage: gnc run SPEC"), o.out());
        assertEquals(2, gnc().code());
    }
}
