package gnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gnc.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README's worked queries run exactly as printed, on a small run of jobs/quick.json. */
class ReadmeQueriesTest {
    private static final Pattern QUERY = Pattern.compile("^submit/gnc query RUN \"([^\"]*)\"( --csv)?$");

    @TempDir
    Path dir;

    @Test
    void everyReadmeQueryRuns() throws Exception {
        List<String[]> queries = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            Matcher m = QUERY.matcher(line.trim());
            if (m.matches()) {
                queries.add(new String[] {m.group(1), m.group(2) == null ? "" : m.group(2).trim()});
            }
        }
        assertEquals(4, queries.size(), "README's four worked queries");

        SparkTestSession.get();
        String run = dir.resolve("quick").toString();
        MainTest.Outcome r = MainTest.gnc("run", "jobs/quick.json", "--run-dir", run, "--draws", "30000", "--seeds", "2");
        assertEquals(0, r.code(), r.err());

        for (String[] q : queries) {
            List<String> args = new ArrayList<>(List.of("query", run, q[0]));
            if (!q[1].isEmpty()) {
                args.add(q[1]);
            }
            MainTest.Outcome o = MainTest.gnc(args.toArray(String[]::new));
            assertEquals(0, o.code(), q[0] + ": " + o.err());
            // Rows are data-dependent (a short run may accept nothing below a tighter eps); the header is not.
            assertTrue(o.out().lines().findFirst().orElse("").startsWith("width"), "a result: " + o.out());
        }
    }

    @Test
    void badQueriesAreReportedAsBadInput() throws Exception {
        MainTest.Outcome missing = MainTest.gnc("query", dir.toString(), "SELECT 1");
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("gnc: error: " + dir), missing.err());
        assertTrue(missing.err().contains("is not a gnc run directory (it has no run.json)"), missing.err());
        assertEquals(2, MainTest.gnc("query", dir.toString()).code());
    }
}
