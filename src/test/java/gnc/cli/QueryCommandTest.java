package gnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gnc.SparkTestSession;
import gnc.spec.Specs;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * gnc query is read-only: every statement that Spark would run at once (writes, DDL, session
 * settings, jars, Java calls) is refused in one line with exit code 2 and nothing changes on
 * disk; Spark's own errors are shown in one line; CSV output streams.
 */
class QueryCommandTest {
    @TempDir
    static Path dir;
    static Path run;
    static Path victim;
    static Path file;

    @BeforeAll
    static void twoSmallRuns() throws Exception {
        SparkTestSession.get();
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, Specs.edited("gnc.draws=2000", "seeds=2"));
        run = dir.resolve("run");
        victim = dir.resolve("victim");
        for (Path r : new Path[] {run, victim}) {
            MainTest.Outcome o = MainTest.gnc("run", spec.toString(), "--run-dir", r.toString());
            assertEquals(0, o.code(), o.err());
        }
        file = dir.resolve("a-file");
        Files.writeString(file, "mode 644");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    /** Every file under root, with its content's hash, size and mode: what a write would change. */
    private static Map<String, String> snapshot(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                out.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir " + mode
                        : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)))
                        + " " + mode);
            }
        }
        return out;
    }

    /** The shared session's warehouse folder as {@link #snapshot} sees it (empty while it does not exist). */
    private static Map<String, String> warehouse() throws Exception {
        URI uri = URI.create(SparkTestSession.get().conf().get("spark.sql.warehouse.dir"));
        Path path = uri.getScheme() == null ? Path.of(uri.getPath()) : Path.of(uri);
        return Files.exists(path) ? snapshot(path) : Map.of();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "INSERT INTO trials SELECT * FROM trials                                 | this is an INSERT INTO statement, not a query",
        "INSERT OVERWRITE TABLE trials SELECT * FROM trials WHERE seed < 0       | this is an INSERT INTO statement, not a query",
        "INSERT OVERWRITE DIRECTORY 'VICTIM' USING parquet SELECT 1              | this is an INSERT INTO DIR statement, not a query",
        "CREATE TABLE copy AS SELECT * FROM trials                               | this is a CREATE TABLE AS SELECT statement",
        "WITH t AS (SELECT * FROM trials) INSERT INTO trials SELECT * FROM t     | this is an INSERT INTO statement",
        "FROM trials INSERT INTO trials SELECT *                                 | this is an INSERT INTO statement",
        "SET spark.sql.ansi.enabled = false                                      | this is a SET statement",
        "CACHE TABLE trials                                                      | this is a CACHE TABLE statement",
        "ADD JAR /nonexistent/x.jar                                              | this is an ADD JARS statement",
        "DROP VIEW trials                                                        | this is a DROP VIEW statement",
        "SELECT reflect('org.apache.hadoop.fs.FileUtil', 'chmod', 'FILE', '777') | reflect, java_method and try_reflect are not allowed",
        "SELECT * FROM (SELECT java_method('org.apache.hadoop.fs.FileUtil', 'chmod', 'FILE', '777')) | reflect, java_method",
        "WITH c AS (SELECT try_reflect('org.apache.hadoop.fs.FileUtil', 'chmod', 'FILE', '777')) SELECT * FROM c | reflect",
    })
    void statementsThatWouldChangeSomethingAreRefusedAndNothingChanges(String sql, String message) throws Exception {
        Map<String, String> before = snapshot(dir);
        Map<String, String> warehouseBefore = warehouse();
        String statement = sql.replace("VICTIM", victim.toString()).replace("FILE", file.toString());
        MainTest.Outcome o = MainTest.gnc("query", run.toString(), statement);
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("gnc: error: SQL: " + message), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertEquals("", o.out());
        assertEquals(before, snapshot(dir), "nothing changed on disk");
        assertEquals(warehouseBefore, warehouse(), "nothing created in Spark's warehouse (CREATE TABLE AS would)");
        assertEquals(4, SparkTestSession.get().read().parquet(gnc.Runs.table(run, "trials")).count(),
                "the trials table as it was (2 widths x 2 seeds)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT * FROM trials WHERE seed <           | [PARSE_SYNTAX_ERROR] Syntax error at or near end of input",
        "SELECT 1; SELECT 2                          | [PARSE_SYNTAX_ERROR] Syntax error at or near 'SELECT'",
        "SELECT nope FROM trials                     | [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or function parameter with name `nope` cannot be resolved",
        "SELECT 1 / 0                                | [DIVIDE_BY_ZERO] Division by zero",
    })
    void sparksOwnErrorIsShownInOneLine(String sql, String message) {
        MainTest.Outcome o = MainTest.gnc("query", run.toString(), sql);
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("gnc: error: SQL: " + message), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
    }

    @Test
    void aQueryMayEndInASemicolon() {
        MainTest.Outcome o = MainTest.gnc("query", run.toString(), "SELECT COUNT(*) AS n FROM trials;", "--csv");
        assertEquals(0, o.code(), o.err());
        assertEquals("n\n4\n", o.out());
    }

    /**
     * CSV leaves the driver a partition at a time: the rows of the first of two partitions (ids
     * 0..1999, two whole batches of 1000) are printed before the second one is computed, where
     * the query fails. A collected result would have printed nothing.
     */
    @Test
    void csvStreamsTheRowsPartitionByPartition() {
        MainTest.Outcome o = MainTest.gnc("query", run.toString(),
                "SELECT CASE WHEN id < 2000 THEN id ELSE raise_error('second partition') END AS id"
                        + " FROM range(0, 4000, 1, 2)", "--csv");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith("gnc: error: SQL: [USER_RAISED_EXCEPTION] second partition"), o.err());
        assertEquals(1 + 2000, o.out().lines().count());
        assertTrue(o.out().startsWith("id\n0\n1\n") && o.out().endsWith("\n1999\n"));
    }

    @Test
    void anAlignedTableOfTooManyRowsIsRefusedWithWhatToDoInstead() {
        int rows = QueryCommand.MAX_ALIGNED_ROWS + 1;
        MainTest.Outcome o = MainTest.gnc("query", run.toString(), "SELECT id FROM range(" + rows + ")");
        assertEquals(2, o.code(), o.err());
        assertEquals("gnc: error: the result has more than " + QueryCommand.MAX_ALIGNED_ROWS + " rows, too many to"
                + " align: add a LIMIT to the query, or give --csv and send the output to a file (CSV streams any"
                + " number of rows)\n", o.err());
        assertEquals("", o.out());
        MainTest.Outcome csv = MainTest.gnc("query", run.toString(), "SELECT id FROM range(" + rows + ")", "--csv");
        assertEquals(0, csv.code(), csv.err());
        assertEquals(1 + rows, csv.out().lines().count());
    }
}
