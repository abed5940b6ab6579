package gnc.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gnc.Runs;
import gnc.SparkTestSession;
import gnc.estimator.plain.AcceptedTable;
import gnc.estimator.plain.BlockTable;
import gnc.results.ManifestTable;
import gnc.spec.JobSpec;
import gnc.spec.SpecJson;
import gnc.spec.SpecParser;
import gnc.spec.Specs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table set of a run: schemas, the summary's statistics, and re-thresholding from accepted. */
class RunTablesTest {
    private static SparkSession spark;
    /** eps 0.05 with every draw below 0.2 kept. */
    private static String wide;
    /** A fresh run at eps' = 0.1 on the same draws. */
    private static String fresh;

    @TempDir
    static Path dir;

    @BeforeAll
    static void runBoth() {
        spark = SparkTestSession.get();
        JobSpec keepWide = SpecParser.parse(Specs.edited("gnc.eps=0.05", "gnc.keep_threshold=0.2"), "x");
        JobSpec atEpsPrime = SpecParser.parse(Specs.edited("gnc.eps=0.1"), "x");
        wide = run(keepWide, "wide");
        fresh = run(atEpsPrime, "fresh");
    }

    private static String run(JobSpec s, String name) {
        RunDirectory d = RunDirectory.at(dir.resolve(name).toString(), spark.sparkContext().hadoopConfiguration());
        GncJob.run(spark, s, d, new GncJob.Options(0, "{\"given\": true}", "--draws 5000", null, 0));
        return dir.resolve(name).toString();
    }

    private static List<Row> table(String run, String name) {
        return spark.read().parquet(Runs.table(run, name)).collectAsList();
    }

    private static List<String> columns(String run, String name) {
        return List.of(spark.read().parquet(Runs.table(run, name)).columns());
    }

    @Test
    void everyTableHasItsDocumentedColumns() {
        assertEquals(List.of(BlockTable.SCHEMA.fieldNames()), columns(wide, "blocks"));
        assertEquals(List.of("method", "width", "depth", "activation", "seed", "block", "index", "train_loss",
                "gen_loss", "w_norm"), columns(wide, "accepted"));
        assertEquals(List.of("method", "width", "depth", "activation", "seed", "eps", "draws", "accepted",
                "acceptance_rate", "acceptance_rate_se", "prior_mean", "prior_se", "gnc_mean", "gnc_se", "train_min"),
                columns(wide, "trials"));
        assertEquals(List.of("method", "width", "depth", "activation", "seeds_total", "seeds", "median", "q25", "q75",
                "mean", "min", "max", "draws", "accepted", "rate_median"), columns(wide, "summary"));
        assertEquals(List.of(ManifestTable.SCHEMA.fieldNames()), columns(wide, "manifest"));
        assertEquals(List.of(AcceptedTable.NAME, BlockTable.NAME), List.of("accepted", "blocks"));
    }

    @Test
    void manifestRecordsTheSpecAndTheRun() {
        Row m = table(wide, "manifest").get(0);
        assertEquals("tiny", m.getAs("name"));
        assertEquals("{\"given\": true}", m.getAs("spec_given"));
        assertEquals("--draws 5000", m.getAs("overrides"));
        JobSpec resolved = SpecParser.parse((String) m.getAs("spec_resolved"), "x");
        assertEquals(SpecJson.write(resolved), m.getAs("spec_resolved"));
        assertEquals(String.format("%016x", resolved.jobKey()), m.getAs("job_key"));
        assertEquals(spark.version(), m.getAs("spark_version"));
        assertEquals(System.getProperty("java.version"), m.getAs("java_version"));
        assertTrue(((String) m.getAs("rng_algorithm")).startsWith("SplittableRandom"));
        assertTrue(((java.sql.Timestamp) m.getAs("finished")).compareTo(m.getAs("started")) >= 0);
        assertEquals(30L, (long) m.getAs("units"));
    }

    @Test
    void acceptedHoldsEveryKeptDrawAndBlocksCountThem() {
        long kept = table(wide, "blocks").stream().mapToLong(r -> r.<Long>getAs("kept")).sum();
        List<Row> accepted = table(wide, "accepted");
        assertEquals(kept, accepted.size(), "no cap was hit");
        assertTrue(accepted.size() > 100, "the case keeps enough draws to mean something");
        for (Row r : accepted) {
            assertTrue(r.<Double>getAs("train_loss") < 0.2);
            assertTrue(r.<Long>getAs("index") >= 0 && r.<Long>getAs("index") < 1000);
        }
        long acceptedAtEps = table(wide, "blocks").stream().mapToLong(r -> r.<Long>getAs("accepted")).sum();
        assertEquals(acceptedAtEps, accepted.stream().filter(r -> r.<Double>getAs("train_loss") < 0.05).count());
    }

    /**
     * Re-thresholding: any eps' between eps and the keep threshold is answered by SQL on accepted,
     * and matches a fresh run at eps' on the same seeds: counts exactly, means to rounding.
     */
    @Test
    void sqlOnAcceptedEqualsAFreshRunAtTheNewEps() {
        spark.read().parquet(Runs.table(wide, "accepted")).createOrReplaceTempView("wide_accepted");
        Map<String, Row> fromAccepted = new HashMap<>();
        for (Row r : spark.sql("""
                SELECT width, seed, COUNT(*) AS accepted, AVG(gen_loss) AS gnc_mean
                FROM wide_accepted WHERE train_loss < 0.1 GROUP BY width, seed""").collectAsList()) {
            fromAccepted.put(r.getAs("width") + "/" + r.getAs("seed"), r);
        }
        List<Row> freshTrials = table(fresh, "trials");
        assertEquals(6, freshTrials.size());
        for (Row t : freshTrials) {
            Row a = fromAccepted.get(t.getAs("width") + "/" + t.getAs("seed"));
            assertEquals((long) t.getAs("accepted"), (long) a.getAs("accepted"));
            double mean = t.getAs("gnc_mean");
            assertEquals(mean, (double) a.getAs("gnc_mean"), 1e-12 * mean);
        }
    }

    /** Percentiles with linear interpolation between order statistics (numpy's default). */
    static double percentile(List<Double> values, double p) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double h = (v.length - 1) * p;
        int lo = (int) Math.floor(h);
        return lo + 1 < v.length ? v[lo] + (h - lo) * (v[lo + 1] - v[lo]) : v[lo];
    }

    @Test
    void summaryStatisticsEqualADirectComputation() {
        Map<String, List<Double>> gnc = new HashMap<>();
        Map<String, List<Double>> prior = new HashMap<>();
        for (Row t : table(wide, "trials")) {
            String key = String.valueOf((int) t.getAs("width"));
            gnc.computeIfAbsent(key, k -> new ArrayList<>()).add(t.getAs("gnc_mean"));
            prior.computeIfAbsent(key, k -> new ArrayList<>()).add(t.getAs("prior_mean"));
        }
        List<Row> summary = table(wide, "summary");
        assertEquals(4, summary.size(), "gnc and prior at two widths");
        for (Row s : summary) {
            List<Double> values = (s.getAs("method").equals("gnc") ? gnc : prior).get(String.valueOf((int) s.getAs("width")));
            assertEquals(3L, (long) s.getAs("seeds_total"));
            assertEquals(3L, (long) s.getAs("seeds"));
            assertEquals(percentile(values, 0.5), (double) s.getAs("median"), 1e-15);
            assertEquals(percentile(values, 0.25), (double) s.getAs("q25"), 1e-15);
            assertEquals(percentile(values, 0.75), (double) s.getAs("q75"), 1e-15);
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertEquals(mean, (double) s.getAs("mean"), 1e-15);
            assertEquals(values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), (double) s.getAs("min"));
        }
        assertEquals(0.25, percentile(Arrays.asList(0.0, 1.0), 0.25), "the oracle itself: numpy gives 0.25");
    }

    @Test
    void aProblemFileOfTheGeneratedInstancesGivesTheSameTrials() throws Exception {
        JobSpec generated = SpecParser.parse(Specs.edited("gnc.eps=0.1"), "x");
        List<gnc.kernel.ProblemInstance> instances = new ArrayList<>();
        for (int s = 0; s < generated.seeds(); s++) {
            instances.add(generated.problem().instance(s));
        }
        Path file = dir.resolve("instances.csv");
        gnc.spec.ProblemFile.write(instances, file);
        JobSpec fromFile = SpecParser.parse(Specs.edited("gnc.eps=0.1",
                "problem={\"file\": \"" + file.toString().replace("\\", "\\\\") + "\"}"), "x");
        String run = run(fromFile, "from-file");
        assertEquals(Tables.exactRows(spark, Runs.table(fresh, "trials")), Tables.exactRows(spark, Runs.table(run, "trials")));
    }

    @Test
    void theKeepCapBoundsAcceptedAndBlocksShowIt() {
        JobSpec capped = SpecParser.parse(Specs.edited("gnc.eps=0.05", "gnc.keep_threshold=0.2", "gnc.keep_cap=2",
                "seeds=1"), "x");
        String run = run(capped, "capped");
        List<Row> blocks = table(run, "blocks");
        List<Row> accepted = table(run, "accepted");
        assertEquals(2 * blocks.size(), accepted.size(), "two per block");
        assertTrue(blocks.stream().allMatch(b -> b.<Long>getAs("kept") > 2), "every block kept more than the cap");
        for (Row b : blocks) {
            List<Long> indexes = accepted.stream()
                    .filter(a -> a.getAs("width").equals(b.getAs("width")) && a.getAs("block").equals(b.getAs("block")))
                    .map(a -> a.<Long>getAs("index")).toList();
            assertEquals(2, indexes.size());
            assertTrue(indexes.get(0) < indexes.get(1), "the first kept draws, in draw order");
        }
    }
}
