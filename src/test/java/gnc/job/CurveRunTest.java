package gnc.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gnc.Runs;
import gnc.SparkTestSession;
import gnc.results.CurveTable;
import gnc.spec.JobSpec;
import gnc.spec.SpecParser;
import gnc.spec.Specs;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The curve tables of a run with plain G&amp;C and splitting on the same data sets: splitting's
 * curve against plain G&amp;C's (from its kept draws) over three decades, the aggregate over
 * seeds, the trials row at gnc.eps, determinism across partitionings, and incomplete rows when
 * keep_cap drops draws.
 *
 * <p>The problem has 2 measurements, so P(L_train &lt; eps) ~ eps at small eps and 5e5 plain
 * draws keep at least 100 below 1e-4 (checked). At each of the 4 grid points from 0.1 to 1e-4
 * and each of 2 seeds, P and the G&amp;C mean must agree within 4 combined standard errors.
 * False-failure budget: splitting's standard errors come from 40 replicas (t with 39 degrees of
 * freedom: P(|t| &gt; 4) = 2.8e-4), plain G&amp;C's from binomial and CLT errors of at least 100
 * draws; 16 comparisons give at most 5e-3 by the union bound. Fixed streams make it reproducible.
 * (The kernel's SplittingVsPlainGncTest makes the same check in a normalized deep, a tanh and a
 * uniform-prior setting.)
 */
class CurveRunTest {
    private static SparkSession spark;
    private static JobSpec spec;
    private static final double Z = 4.0;

    @TempDir
    static Path dir;

    @BeforeAll
    static void runBoth() {
        spark = SparkTestSession.get();
        spec = SpecParser.parse(Specs.edited("problem.measurements=2", "sweep={\"widths\": [5], \"depth\": 2}",
                "gnc={\"methods\": [\"gnc\", \"splitting\"], \"eps\": 0.1, \"draws\": 500000, \"block_size\": 100000,"
                        + " \"keep_cap\": 100000}",
                "splitting={\"replicas\": 40, \"particles\": 50, \"moves\": 2}",
                "curve={\"eps_min\": 1e-4, \"points_per_decade\": 1}", "seeds=2"), "x");
        run(spec, "p0", 0);
    }

    private static void run(JobSpec s, String name, int partitions) {
        GncJob.run(spark, s, RunDirectory.at(dir.resolve(name).toString(), spark.sparkContext().hadoopConfiguration()),
                GncJob.Options.partitions(partitions));
    }

    private static List<Row> rows(String run, String table, String where) {
        return spark.read().parquet(Runs.table(dir.resolve(run), table)).filter(where).collectAsList();
    }

    @Test
    void splittingsCurveAgreesWithPlainGuessAndChecksOverThreeDecades() {
        List<Row> plain = rows("p0", CurveTable.NAME, "method = 'gnc'");
        List<Row> split = rows("p0", CurveTable.NAME, "method = 'splitting'");
        assertEquals(2 * 4, plain.size(), "grid points 0.1 .. 1e-4 at or below the keep threshold, 2 seeds");
        assertEquals(2 * 5, split.size(), "splitting also reports eps 1, above the prior's level 0.24");
        for (Row g : plain) {
            Row s = split.stream().filter(r -> r.getAs("seed").equals(g.getAs("seed"))
                    && r.<Double>getAs("eps").equals(g.getAs("eps"))).findFirst().orElseThrow();
            String at = "seed " + g.getAs("seed") + ", eps " + g.getAs("eps");
            assertTrue(g.<Long>getAs("accepted") >= 100, at + ": plain keeps >= 100 draws");
            assertTrue(g.<Boolean>getAs("complete"), at);
            assertFalse(s.<Boolean>getAs("flagged"), at + ": " + s.getAs("advice"));
            double pZ = (s.<Double>getAs("probability") - g.<Double>getAs("probability"))
                    / Math.hypot(s.getAs("probability_se"), g.getAs("probability_se"));
            assertTrue(Math.abs(pZ) < Z, at + ": P z = " + pZ);
            double genZ = (s.<Double>getAs("gnc_mean") - g.<Double>getAs("gnc_mean"))
                    / Math.hypot(s.getAs("gnc_se"), g.getAs("gnc_se"));
            assertTrue(Math.abs(genZ) < Z, at + ": G&C mean z = " + genZ);
        }
    }

    /** At gnc.eps the curve gives what trials says: plain's count and mean, splitting's estimate. */
    @Test
    void theCurveAtEpsIsTheTrialsRow() {
        for (Row t : rows("p0", "trials", "method IN ('gnc', 'splitting')")) {
            Row c = rows("p0", CurveTable.NAME, "method = '" + t.getAs("method") + "' AND seed = " + t.getAs("seed")
                    + " AND eps = 0.1").get(0);
            assertEquals((double) t.getAs("acceptance_rate"), (double) c.getAs("probability"), 0.0);
            assertEquals((double) t.getAs("gnc_mean"), (double) c.getAs("gnc_mean"), 1e-15);
            if (t.getAs("method").equals("gnc")) {
                assertEquals((long) t.getAs("accepted"), (long) c.getAs("accepted"));
            } else {
                assertNull(c.getAs("accepted"));
                assertEquals((long) t.getAs("draws"), (long) c.getAs("evaluations"));
            }
        }
    }

    /** With two seeds numpy's median is their mean, q25 and q75 a quarter of the way in from each. */
    @Test
    void theSummaryGivesMedianAndQuartilesOverSeeds() {
        for (Row s : rows("p0", CurveTable.SUMMARY, "true")) {
            List<Row> seeds = rows("p0", CurveTable.NAME, "method = '" + s.getAs("method") + "' AND eps = "
                    + s.getAs("eps"));
            assertEquals(2, seeds.size());
            double a = Math.min(seeds.get(0).<Double>getAs("gnc_mean"), seeds.get(1).<Double>getAs("gnc_mean"));
            double b = Math.max(seeds.get(0).<Double>getAs("gnc_mean"), seeds.get(1).<Double>getAs("gnc_mean"));
            assertEquals(a + 0.5 * (b - a), (double) s.getAs("median"), 1e-15);
            assertEquals(a + 0.25 * (b - a), (double) s.getAs("q25"), 1e-15);
            assertEquals(a + 0.75 * (b - a), (double) s.getAs("q75"), 1e-15);
            assertEquals(2L, (long) s.getAs("seeds"));
        }
    }

    @Test
    void theCurveTablesDoNotDependOnThePartitioning() {
        run(spec, "p3", 3);
        for (String table : List.of(CurveTable.NAME, CurveTable.SUMMARY, "splitting")) {
            assertEquals(Tables.exactRows(spark, Runs.table(dir.resolve("p0"), table)),
                    Tables.exactRows(spark, Runs.table(dir.resolve("p3"), table)), table);
        }
    }

    /** keep_cap 10 drops kept draws: plain's curve rows say so; splitting's are unaffected. */
    @Test
    void aCappedBlockMarksPlainRowsIncomplete() {
        JobSpec capped = SpecParser.parse(Specs.edited("problem.measurements=2", "sweep={\"widths\": [5], \"depth\": 2}",
                "gnc={\"eps\": 0.1, \"draws\": 20000, \"block_size\": 10000, \"keep_cap\": 10}", "seeds=1"), "x");
        run(capped, "capped", 1);
        List<Row> curve = rows("capped", CurveTable.NAME, "true");
        assertFalse(curve.isEmpty());
        assertTrue(curve.stream().noneMatch(r -> r.<Boolean>getAs("complete")));
        assertTrue(rows("capped", CurveTable.SUMMARY, "true").stream().noneMatch(r -> r.<Boolean>getAs("complete")));
    }
}
