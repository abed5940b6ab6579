package gnc.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gnc.Runs;
import gnc.SparkTestSession;
import gnc.kernel.BlockStats;
import gnc.kernel.GncSampler;
import gnc.kernel.Streams;
import gnc.estimator.plain.BlockTable;
import gnc.results.TrialsTable;
import gnc.spec.JobSpec;
import gnc.spec.SpecException;
import gnc.spec.SpecParser;
import gnc.spec.Specs;
import gnc.spec.SweepPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GncJobTest {
    private static SparkSession spark;
    private static JobSpec spec;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.get();
        // Widths 2 and 5, 3 seeds, 5000 draws in blocks of 1000 (30 units); eps 0.1 accepts a few
        // percent, and one tiny-eps trial set shows the null G&C mean.
        spec = SpecParser.parse(Specs.VALID, "x");
    }

    private static RunDirectory runDir(String name) {
        return RunDirectory.at(dir.resolve(name).toString(), spark.sparkContext().hadoopConfiguration());
    }

    private static GncJob.Result run(JobSpec s, String name, int partitions) {
        return GncJob.run(spark, s, runDir(name), GncJob.Options.partitions(partitions));
    }

    @Test
    void trialsAreBitIdenticalAtAnyPartitionCountAndAcrossRuns() {
        run(spec, "p1", 1);
        run(spec, "p3", 3);
        run(spec, "p8", 8);
        run(spec, "p8-again", 8);
        List<List<Object>> reference = Tables.exactRows(spark, Runs.table(dir.resolve("p1"), "trials"));
        assertEquals(6, reference.size(), "2 widths x 3 seeds");
        for (String other : List.of("p3", "p8", "p8-again")) {
            assertEquals(reference, Tables.exactRows(spark, Runs.table(dir.resolve(other), "trials")), other);
            assertEquals(Tables.exactRows(spark, Runs.table(dir.resolve("p1"), "blocks")),
                    Tables.exactRows(spark, Runs.table(dir.resolve(other), "blocks")), other);
        }
    }

    @Test
    void blocksAreTheKernelsOwnResultsAndTrialsAddThemUp() {
        GncJob.Result r = run(spec, "sums", 0);
        assertEquals(30, r.units());
        assertEquals(6, r.trials());
        List<Row> blocks = spark.read().parquet(Runs.table(dir.resolve("sums"), "blocks"))
                .orderBy("width", "seed", "block").collectAsList();
        assertEquals(30, blocks.size());

        // A block row equals the kernel run on that block's stream, whatever task computed it.
        Row b = blocks.get(7);
        int width = b.getAs("width");
        int seed = b.getAs("seed");
        int block = b.getAs("block");
        BlockStats direct = new BlockStats();
        new GncSampler(spec.problem().instance(seed), spec.model(new SweepPoint(width, 2)), spec.gnc().sampling())
                .run(Streams.stream(spec.drawKey(new SweepPoint(width, 2)), width, 2, seed, block), 1000,
                        spec.gnc().eps(), direct);
        assertEquals(direct.accepted(), (long) b.getAs("accepted"));
        assertEquals(direct.genSum(), (double) b.getAs("gen_sum"), 0.0);
        assertEquals(direct.trainMin(), (double) b.getAs("train_min"), 0.0);

        for (Row t : spark.read().parquet(Runs.table(dir.resolve("sums"), "trials")).collectAsList()) {
            long draws = 0;
            long accepted = 0;
            double genSum = 0;
            double accSum = 0;
            for (Row x : blocks) {
                if (x.<Integer>getAs("width").equals(t.getAs("width")) && x.<Integer>getAs("seed").equals(t.getAs("seed"))) {
                    draws += x.<Long>getAs("draws");
                    accepted += x.<Long>getAs("accepted");
                    genSum += x.<Double>getAs("gen_sum");
                    accSum += x.<Double>getAs("gen_sum_accepted");
                }
            }
            assertEquals(5000, draws);
            assertEquals(draws, (long) t.getAs("draws"));
            assertEquals(accepted, (long) t.getAs("accepted"));
            assertEquals((double) accepted / draws, (double) t.getAs("acceptance_rate"), 1e-15);
            assertEquals(genSum / draws, (double) t.getAs("prior_mean"), 1e-12);
            assertTrue(accepted > 0, "eps 0.1 accepts some draws in 5000");
            assertEquals(accSum / accepted, (double) t.getAs("gnc_mean"), 1e-12);
            assertNotNull(t.getAs("prior_se"));
            assertEquals("gnc", t.getAs("method"));
            assertEquals("linear", t.getAs("activation"));
        }
    }

    @Test
    void aTrialWithoutAcceptancesHasNoGncMean() {
        run(spec.withSeeds(1), "none", 0);
        JobSpec tight = SpecParser.parse(Specs.edited("gnc.eps=1e-9", "seeds=1"), "x");
        run(tight, "tight", 0);
        for (Row t : spark.read().parquet(Runs.table(dir.resolve("tight"), "trials")).collectAsList()) {
            assertEquals(0L, (long) t.getAs("accepted"));
            assertNull(t.getAs("gnc_mean"), "missing, never a number");
            assertNull(t.getAs("gnc_se"));
            assertEquals(0.0, (double) t.getAs("acceptance_rate"));
        }
        // Same draws, so the prior statistics agree with the looser run's.
        assertEquals(spark.read().parquet(Runs.table(dir.resolve("none"), "trials")).select("prior_mean").collectAsList(),
                spark.read().parquet(Runs.table(dir.resolve("tight"), "trials")).select("prior_mean").collectAsList());
    }

    @Test
    void moreDrawsExtendFewer() {
        run(spec.withDraws(2500), "short", 0);
        run(spec, "long", 0);
        List<List<Object>> shortBlocks = Tables.exactRows(spark, Runs.table(dir.resolve("short"), "blocks"));
        List<List<Object>> longBlocks = Tables.exactRows(spark, Runs.table(dir.resolve("long"), "blocks"));
        // Full blocks 0 and 1 of every trial are shared; the short run's block 2 is a 500-draw prefix.
        long shared = shortBlocks.stream().filter(longBlocks::contains).count();
        assertEquals(2 * 2 * 3, shared);
    }

    @Test
    void tablesHaveTheDocumentedColumns() {
        run(spec.withSeeds(1), "schema", 0);
        assertEquals(BlockTable.SCHEMA.asNullable(), spark.read().parquet(Runs.table(dir.resolve("schema"), "blocks")).schema());
        assertEquals(List.of("method", "width", "depth", "activation", "seed", "eps", "draws", "accepted",
                        "acceptance_rate", "acceptance_rate_se", "prior_mean", "prior_se", "gnc_mean", "gnc_se", "train_min"),
                List.of(spark.read().parquet(Runs.table(dir.resolve("schema"), TrialsTable.NAME)).columns()));
        assertTrue(Files.exists(dir.resolve("schema/run.json")));
        assertEquals(List.of("000001.json"), List.of(dir.resolve("schema/_commits").toFile().list((d, n) -> !n.startsWith("."))));
        assertTrue(Files.exists(dir.resolve("schema/tables/000001/spec.json")));
        assertFalse(Files.exists(dir.resolve("schema/_staging/000001")), "no staging left behind");
        assertFalse(Files.exists(dir.resolve("schema/_lock")), "the lock is given back");
    }

    @Test
    void gradientDescentRunsOncePerTrialBesideTheDraws() {
        JobSpec withGd = SpecParser.parse(Specs.edited("seeds=2", "gnc.draws=2000",
                "gd={\"lr\": 1e-2, \"epochs\": [300, 200], \"init_scale\": 1e-3}"), "x");
        GncJob.Result r = run(withGd, "gd", 0);
        assertEquals(2 * 2 * (2 + 1), r.units(), "per trial two blocks and one GD run");
        List<Row> gd = spark.read().parquet(Runs.table(dir.resolve("gd"), "gd")).collectAsList();
        assertEquals(4, gd.size());
        for (Row g : gd) {
            int width = g.getAs("width");
            int seed = g.getAs("seed");
            gnc.kernel.GdSettings settings = withGd.gd().settings(width == 2 ? 0 : 1);
            gnc.kernel.GdResult direct = new gnc.kernel.GradientDescent(withGd.problem().instance(seed),
                    withGd.model(new SweepPoint(width, 2))).run(settings, Streams.stream(withGd.gdKey(), width, 2, seed));
            assertEquals(direct.genLoss(), (double) g.getAs("gen_loss"), 0.0);
            assertEquals(direct.trainLoss(), (double) g.getAs("train_loss"), 0.0);
            assertEquals(settings.epochs(), (long) g.getAs("epochs"));
            assertEquals("gd", g.getAs("method"));
        }
        List<Row> summary = spark.read().parquet(Runs.table(dir.resolve("gd"), "summary")).filter("method = 'gd'").collectAsList();
        assertEquals(2, summary.size());
        assertEquals(2L, (long) summary.get(0).getAs("seeds"));
        // GD's runs are units like any other: a rerun computes nothing.
        assertEquals(0, run(withGd, "gd", 0).computedUnits());
    }

    @Test
    void subsetSimulationReplicasRunAsUnitsAndCombineIntoTrials() {
        JobSpec both = SpecParser.parse(Specs.edited("gnc.methods=[\"gnc\", \"subset\"]", "gnc.eps=0.05",
                "subset={\"replicas\": 3, \"samples\": 200, \"p0\": 0.1, \"moves_per_state\": 2}", "seeds=2"), "x");
        GncJob.Result r = run(both, "subset", 0);
        assertEquals(2 * 2 * (5 + 3), r.units(), "per trial five blocks and three replicas");
        List<Row> replicas = spark.read().parquet(Runs.table(dir.resolve("subset"), "subset")).collectAsList();
        assertEquals(2 * 2 * 3, replicas.size());
        List<Row> trials = spark.read().parquet(Runs.table(dir.resolve("subset"), "trials"))
                .filter("method = 'subset'").collectAsList();
        assertEquals(4, trials.size());
        for (Row t : trials) {
            List<Row> mine = replicas.stream().filter(x -> x.getAs("width").equals(t.getAs("width"))
                    && x.getAs("seed").equals(t.getAs("seed"))).sorted(java.util.Comparator.comparing(x -> x.<Integer>getAs("replica"))).toList();
            gnc.kernel.SubsetEstimate e = gnc.kernel.SubsetEstimate.combine(
                    mine.stream().mapToDouble(x -> x.<Double>getAs("probability")).toArray(),
                    mine.stream().mapToLong(x -> x.<Long>getAs("final_count")).toArray(),
                    mine.stream().mapToDouble(x -> x.<Double>getAs("gen_sum")).toArray());
            assertEquals(e.probability(), (double) t.getAs("acceptance_rate"), 0.0);
            assertEquals(e.probabilitySe(), (double) t.getAs("acceptance_rate_se"), 0.0);
            assertEquals(e.genMean(), (double) t.getAs("gnc_mean"), 0.0);
            assertEquals(e.finalCount(), (long) t.getAs("accepted"));
            assertEquals(mine.stream().mapToLong(x -> x.<Long>getAs("evaluations")).sum(), (long) t.getAs("draws"));
            assertNull(t.getAs("prior_mean"));
        }
        assertEquals(2, spark.read().parquet(Runs.table(dir.resolve("subset"), "summary")).filter("method = 'subset'").count());
        // Replicas are deterministic: another partitioning gives the same subset table.
        run(both, "subset-p1", 1);
        assertEquals(Tables.exactRows(spark, Runs.table(dir.resolve("subset"), "subset")),
                Tables.exactRows(spark, Runs.table(dir.resolve("subset-p1"), "subset")));
        // Subset simulation alone: no G&C blocks table, trials of the subset method only.
        JobSpec alone = SpecParser.parse(Specs.edited("gnc={\"methods\": [\"subset\"], \"eps\": 0.05}",
                "subset={\"replicas\": 2, \"samples\": 100, \"p0\": 0.1}", "seeds=1"), "x");
        run(alone, "subset-alone", 0);
        assertFalse(RunDirectory.open(dir.resolve("subset-alone").toString(), spark.sparkContext().hadoopConfiguration())
                .hasTable("blocks"), "an estimator that does not run writes no table");
        assertEquals(List.of("subset"), spark.read().parquet(Runs.table(dir.resolve("subset-alone"), "trials"))
                .select("method").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    }

    @Test
    void aRunDirectoryOfAnotherJobIsRefused() throws Exception {
        run(spec.withSeeds(1), "guard", 0);
        JobSpec other = SpecParser.parse(Specs.edited("model.activation=\"tanh\"", "seeds=1"), "x");
        SpecException e = assertThrows(SpecException.class, () -> run(other, "guard", 0));
        assertTrue(e.getMessage().contains("holds the results of another spec (\"tiny\", 5x5 rank 1, 15 Gaussian"
                + " measurements, linear, gauss prior, block size 1000)"), e.getMessage());
        Files.createDirectories(dir.resolve("foreign"));
        Files.writeString(dir.resolve("foreign/notes.txt"), "mine");
        SpecException f = assertThrows(SpecException.class, () -> run(spec, "foreign", 0));
        assertTrue(f.getMessage().contains("is not empty and holds no gnc run"), f.getMessage());
        // The same job again is welcome: with more seeds it computes only the new trials...
        GncJob.Result more = run(spec.withSeeds(2), "guard", 0);
        assertEquals(2 * 2 * 5, more.units());
        assertEquals(2 * 5, more.computedUnits(), "only seed 1's blocks are new");
        // ... with more draws only the new blocks (a partial last block would be redone too)...
        GncJob.Result longer = run(spec.withSeeds(2).withDraws(6500), "guard", 0);
        assertEquals(2 * 2 * 7, longer.units());
        assertEquals(2 * 2 * 2, longer.computedUnits(), "blocks 5 and 6 of every trial");
        // ... and the same spec again computes nothing and rewrites the same tables.
        List<List<Object>> trials = Tables.exactRows(spark, Runs.table(dir.resolve("guard"), "trials"));
        assertEquals(0, run(spec.withSeeds(2).withDraws(6500), "guard", 0).computedUnits());
        assertEquals(trials, Tables.exactRows(spark, Runs.table(dir.resolve("guard"), "trials")));
    }
}
