package gnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gnc.Runs;
import gnc.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's worked queries run exactly as printed, on a small run of jobs/quick.json, and each
 * prints the full result that the run's tables imply: the same columns, the same rows in the
 * same order, the values recomputed here in Java from the rows of trials, accepted and manifest.
 */
class ReadmeQueriesTest {
    /** A worked query, on one run (RUN) or on a folder of runs (runs). */
    private static final Pattern QUERY = Pattern.compile("^submit/gnc query (RUN|runs) \"([^\"]*)\"( --csv)?$");
    /** Averages are summed in Spark's order, not ours: equal to a relative 1e-12. */
    private static final double TOLERANCE = 1e-12;

    @TempDir
    Path dir;

    private record Query(boolean acrossRuns, String sql, boolean csv) {
    }

    private static List<Query> readmeQueries() throws Exception {
        List<Query> queries = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            Matcher m = QUERY.matcher(line.trim());
            if (m.matches()) {
                queries.add(new Query(m.group(1).equals("runs"), m.group(2), m.group(3) != null));
            }
        }
        return queries;
    }

    @Test
    void everyReadmeQueryPrintsTheResultTheTablesImply() throws Exception {
        List<Query> queries = readmeQueries();
        assertEquals(5, queries.size(), "README's five worked queries");

        SparkSession spark = SparkTestSession.get();
        Path runs = dir.resolve("runs");
        String run = runs.resolve("quick").toString();
        MainTest.Outcome r = MainTest.gnc("run", "jobs/quick.json", "--run-dir", run, "--draws", "200000", "--seeds", "2");
        assertEquals(0, r.code(), r.err());
        String other = runs.resolve("quick-seed0").toString();
        assertEquals(0, MainTest.gnc("run", "jobs/quick.json", "--run-dir", other, "--draws", "100000", "--seeds", "1")
                .code());
        List<Row> trials = sorted(spark.read().parquet(Runs.table(run, "trials")).collectAsList(), "width", "seed");
        List<Row> accepted = spark.read().parquet(Runs.table(run, "accepted")).collectAsList();
        Row manifest = spark.read().parquet(Runs.table(run, "manifest")).first();

        List<List<Object>> expected = List.of(rateByWidth(trials), tighterEps(accepted), priorVersusGnc(trials),
                costPerAccepted(trials, manifest), gncAndPriorPerRun(spark, List.of(run, other)));
        List<List<String>> columns = List.of(List.of("width", "accepted", "draws", "rate"),
                List.of("width", "seed", "accepted", "gnc_mean"),
                List.of("width", "seed", "prior_mean", "gnc_mean", "advantage"),
                List.of("width", "draws_per_accepted", "seconds_per_accepted"),
                List.of("run", "width", "method", "median"));
        assertFalse(expected.get(1).isEmpty(), "the run accepts draws below the tighter eps (a query with rows)");
        for (int q = 0; q < queries.size(); q++) {
            Query query = queries.get(q);
            List<String> args = new ArrayList<>(List.of("query", query.acrossRuns() ? runs.toString() : run,
                    query.sql()));
            if (query.csv()) {
                args.add("--csv");
            }
            MainTest.Outcome o = MainTest.gnc(args.toArray(String[]::new));
            assertEquals(0, o.code(), query.sql() + ": " + o.err());
            List<String[]> printed = o.out().lines()
                    .map(line -> query.csv() ? line.split(",", -1) : line.trim().split("\\s+")).toList();
            assertEquals(columns.get(q), List.of(printed.get(0)), query.sql());
            assertCells(expected.get(q), printed.subList(1, printed.size()), query);
        }
    }

    /** Rows of expected cells (a row is an Object[]) against the printed ones; null prints as "null" or "". */
    private static void assertCells(List<Object> expected, List<String[]> printed, Query query) {
        assertEquals(expected.size(), printed.size(), "rows of " + query.sql());
        for (int i = 0; i < expected.size(); i++) {
            Object[] want = (Object[]) expected.get(i);
            String[] got = printed.get(i);
            assertEquals(want.length, got.length, "row " + i + " of " + query.sql());
            for (int c = 0; c < want.length; c++) {
                String where = query.sql() + ", row " + i + ", column " + c;
                if (want[c] == null) {
                    assertEquals(query.csv() ? "" : "null", got[c], where);
                } else if (want[c] instanceof Double d) {
                    assertEquals(d, Double.parseDouble(got[c]), TOLERANCE * Math.abs(d), where);
                } else {
                    assertEquals(want[c].toString(), got[c], where);
                }
            }
        }
    }

    private static List<Row> sorted(List<Row> rows, String... keys) {
        Comparator<Row> order = Comparator.comparingInt(row -> row.<Integer>getAs(keys[0]));
        for (int k = 1; k < keys.length; k++) {
            String key = keys[k];
            order = order.thenComparingInt(row -> row.<Integer>getAs(key));
        }
        return rows.stream().sorted(order).toList();
    }

    /** width -> the trials' rows at that width, in seed order. */
    private static Map<Integer, List<Row>> byWidth(List<Row> trials) {
        Map<Integer, List<Row>> out = new TreeMap<>();
        trials.forEach(t -> out.computeIfAbsent(t.<Integer>getAs("width"), w -> new ArrayList<>()).add(t));
        return out;
    }

    private static long sum(List<Row> rows, String column) {
        return rows.stream().mapToLong(row -> row.<Long>getAs(column)).sum();
    }

    private static List<Object> rateByWidth(List<Row> trials) {
        List<Object> rows = new ArrayList<>();
        byWidth(trials).forEach((width, ts) -> rows.add(new Object[] {width, sum(ts, "accepted"), sum(ts, "draws"),
                (double) sum(ts, "accepted") / sum(ts, "draws")}));
        return rows;
    }

    /** Per (width, seed), the accepted table's draws with L_train < 0.01: their count and mean L_gen. */
    private static List<Object> tighterEps(List<Row> accepted) {
        Map<List<Integer>, List<Double>> gen = new TreeMap<>(
                Comparator.<List<Integer>>comparingInt(k -> k.get(0)).thenComparingInt(k -> k.get(1)));
        for (Row a : accepted) {
            if (a.<Double>getAs("train_loss") < 0.01) {
                gen.computeIfAbsent(List.of(a.<Integer>getAs("width"), a.<Integer>getAs("seed")), k -> new ArrayList<>())
                        .add(a.getAs("gen_loss"));
            }
        }
        List<Object> rows = new ArrayList<>();
        gen.forEach((key, g) -> rows.add(new Object[] {key.get(0), key.get(1), (long) g.size(),
                g.stream().mapToDouble(Double::doubleValue).average().orElseThrow()}));
        return rows;
    }

    private static List<Object> priorVersusGnc(List<Row> trials) {
        List<Object> rows = new ArrayList<>();
        for (Row t : trials) {
            Double prior = t.getAs("prior_mean");
            Double gnc = t.getAs("gnc_mean");
            rows.add(new Object[] {t.getAs("width"), t.getAs("seed"), prior, gnc, gnc == null ? null : prior - gnc});
        }
        return rows;
    }

    /** Draws per accepted draw and the invocation's wall milliseconds / 1000 per accepted draw; null without any. */
    private static List<Object> costPerAccepted(List<Row> trials, Row manifest) {
        // The true difference truncated to milliseconds, as Spark's timestampdiff (not the floored ends' difference).
        long millis = Duration.between(manifest.<Timestamp>getAs("started").toInstant(),
                manifest.<Timestamp>getAs("finished").toInstant()).toMillis();
        List<Object> rows = new ArrayList<>();
        byWidth(trials).forEach((width, ts) -> {
            long acc = sum(ts, "accepted");
            rows.add(new Object[] {width, acc == 0 ? null : (double) sum(ts, "draws") / acc,
                    acc == 0 ? null : millis / 1000.0 / acc});
        });
        return rows;
    }

    /** Each run's own summary rows of gnc and prior, in (run, width, method) order, the run named by its folder. */
    private static List<Object> gncAndPriorPerRun(SparkSession spark, List<String> runDirs) {
        List<Object> rows = new ArrayList<>();
        for (String runDir : runDirs) {
            List<Row> summary = new ArrayList<>(spark.read().parquet(Runs.table(runDir, "summary"))
                    .filter("method IN ('gnc', 'prior')").collectAsList());
            summary.sort(Comparator.<Row>comparingInt(x -> x.getAs("width")).thenComparing(x -> x.<String>getAs("method")));
            for (Row x : summary) {
                rows.add(new Object[] {Path.of(runDir).getFileName().toString(), x.getAs("width"), x.getAs("method"),
                        x.getAs("median")});
            }
        }
        return rows;
    }

    @Test
    void badQueriesAreReportedAsBadInput() throws Exception {
        MainTest.Outcome missing = MainTest.gnc("query", dir.toString(), "SELECT 1");
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("gnc: error: " + dir), missing.err());
        assertTrue(missing.err().contains("is not a gnc run directory (it has no run.json) nor a folder of run"
                + " directories with tables"), missing.err());
        assertEquals(2, MainTest.gnc("query", dir.toString()).code());
    }
}
