package gnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gnc.SparkTestSession;
import gnc.spec.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One query over many runs: a folder of run directories, queried by gnc query and through the SQL
 * file gnc catalog writes, executed by the build's own Spark SQL.
 */
class CrossRunQueryTest {
    @TempDir
    static Path dir;
    private static Path runs;

    @BeforeAll
    static void twoRuns() throws Exception {
        runs = dir.resolve("runs");
        Path linear = dir.resolve("linear.json");
        Path withGd = dir.resolve("with-gd.json");
        Files.writeString(linear, Specs.edited("name=\"lin\"", "seeds=2", "gnc.draws=2000", "sweep.widths=[5]"));
        Files.writeString(withGd, Specs.edited("name=\"gd\"", "seeds=1", "gnc.draws=1000", "sweep.widths=[2, 5]",
                "gd={\"lr\": 0.01, \"epochs\": 50, \"init_scale\": 0.001}"));
        assertEquals(0, MainTest.gnc("run", linear.toString(), "--run-dir", runs.resolve("a").toString()).code());
        assertEquals(0, MainTest.gnc("run", withGd.toString(), "--run-dir", runs.resolve("b").toString()).code());
        Files.createDirectories(runs.resolve("not-a-run"));
    }

    @Test
    void aFolderOfRunsIsQueriedAsOneWithRunAndSpecColumns() {
        MainTest.Outcome o = MainTest.gnc("query", runs.toString(),
                "SELECT run, spec, COUNT(*) AS trials, SUM(draws) AS draws FROM trials GROUP BY run, spec ORDER BY run",
                "--csv");
        assertEquals(0, o.code(), o.err());
        assertEquals("run,spec,trials,draws\na,lin,2,4000\nb,gd,2,2000\n", o.out());
        MainTest.Outcome gd = MainTest.gnc("query", runs.toString(), "SELECT run, COUNT(*) AS n FROM gd GROUP BY run",
                "--csv");
        assertEquals("run,n\nb,2\n", gd.out(), "a table only some runs have");
    }

    @Test
    void theCatalogFileGivesPlainSparkSqlTheSameViews() throws Exception {
        Path sql = dir.resolve("catalog.sql");
        MainTest.Outcome o = MainTest.gnc("catalog", runs.toString(), "--out", sql.toString());
        assertEquals(0, o.code(), o.err());
        SparkSession spark = SparkTestSession.get();
        String text = Files.readString(sql);
        int statements = 0;
        for (String statement : text.split(";\n")) {
            String s = statement.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b).trim();
            if (!s.isEmpty()) {
                spark.sql(s);
                statements++;
            }
        }
        assertTrue(statements >= 6, "a view per table: " + statements);
        List<Row> rows = spark.sql("SELECT run, spec, COUNT(*) AS n FROM summary GROUP BY run, spec ORDER BY run")
                .collectAsList();
        assertEquals("[[a,lin,2], [b,gd,6]]", rows.toString(), "gnc and prior at one width; gnc, prior, gd at two");
        assertEquals(0, MainTest.gnc("catalog", runs.resolve("a").toString()).code(), "a single run too");
    }
}
