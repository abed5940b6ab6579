package gnc.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gnc.spec.JobSpec;
import gnc.spec.SpecParser;
import gnc.spec.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class WideCsvTest {
    private static final StructType TRIALS = new StructType()
            .add("method", DataTypes.StringType).add("width", DataTypes.IntegerType)
            .add("depth", DataTypes.IntegerType).add("seed", DataTypes.IntegerType)
            .add("prior_mean", DataTypes.DoubleType).add("gnc_mean", DataTypes.DoubleType);
    private static final StructType GD = new StructType()
            .add("width", DataTypes.IntegerType).add("depth", DataTypes.IntegerType)
            .add("seed", DataTypes.IntegerType).add("gen_loss", DataTypes.DoubleType);

    private static Row trial(int width, int depth, int seed, double prior, Double gnc) {
        return new GenericRowWithSchema(new Object[] {"gnc", width, depth, seed, prior, gnc}, TRIALS);
    }

    private static Row gd(int width, int depth, int seed, double gen) {
        return new GenericRowWithSchema(new Object[] {width, depth, seed, gen}, GD);
    }

    @Test
    void aWidthSweepHasGncPriorAndGdPerSeedInSweepOrder() {
        JobSpec spec = SpecParser.parse(Specs.edited("seeds=2", "sweep.widths=[5, 2]"), "x");
        String csv = WideCsv.of(spec, List.of(
                trial(2, 2, 0, 0.25, 0.125), trial(2, 2, 1, 0.5, null),
                trial(5, 2, 0, 0.3, 0.2), trial(5, 2, 1, 1e-5, 0.1)), List.of(gd(2, 2, 1, 0.0625), gd(5, 2, 0, 0.01)));
        assertEquals("""
                width,gnc_gen_seed=0,prior_gen_seed=0,gd_gen_seed=0,gnc_gen_seed=1,prior_gen_seed=1,gd_gen_seed=1
                5,0.2,0.3,0.01,0.1,1e-05,
                2,0.125,0.25,,,0.5,0.0625
                """, csv);
    }

    @Test
    void aDepthSweepHasGncAndGdPerSeed() {
        JobSpec spec = SpecParser.parse(Specs.edited("seeds=1", "sweep={\"depths\": [2, 3], \"width\": 5}"), "x");
        assertEquals("""
                depth,gnc_gen_seed=0,gd_gen_seed=0
                2,0.5,0.25
                3,,
                """, WideCsv.of(spec, List.of(trial(5, 2, 0, 0.75, 0.5), trial(5, 3, 0, 0.75, null)),
                List.of(gd(5, 2, 0, 0.25))));
    }

    @ParameterizedTest
    @CsvSource({"0.9, 0.9", "0.5, 0.5", "5, 5.0", "0, 0.0", "0.0001, 0.0001", "0.00012, 0.00012", "1e-05, 1e-05",
        "1.5e-07, 1.5e-07", "0.2449, 0.2449", "123.25, 123.25", "1e16, 1e+16", "1.25e17, 1.25e+17",
        "-0.003, -0.003", "9999999999999998, 9999999999999998.0"})
    void floatsAreWrittenAsPythonWritesThem(double x, String python) {
        assertEquals(python, WideCsv.pythonFloat(x));
    }

    static Stream<Path> authorsConfigs() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("jobs", "authors"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    /**
     * The authors named their configs as their code names its result files (filename_extensions),
     * except for the normalize=False suffix, which the code does not write.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("authorsConfigs")
    void theFileNameIsTheAuthorsOne(Path config) {
        String base = config.getFileName().toString().replace(".json", "").replace("_normalize=False", "");
        String expected = base.replaceFirst("^(width|depth)_", "$1_results_") + ".csv";
        assertEquals(expected, WideCsv.fileName(SpecParser.parse(config)));
    }

    @Test
    void aRunOnAProblemFileHasNoAuthorsFileName(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path spec = dir.resolve("s.json");
        Files.writeString(spec, Specs.VALID);
        Path problems = dir.resolve("p.json");
        gnc.spec.ProblemFile.write(List.of(SpecParser.parse(spec).problem().instance(0)), problems);
        JobSpec s = SpecParser.parse(Specs.edited("problem={\"file\": \"" + problems + "\"}", "seeds=1"), "x");
        assertEquals("the run's data sets come from a problem file, which has no gt_rank for the authors' file name:"
                + " give --out", assertThrows(IllegalArgumentException.class, () -> WideCsv.fileName(s)).getMessage());
    }

    @Test
    void aRunWithoutPlainGncHasNoSuchFile() {
        JobSpec spec = SpecParser.parse(Specs.edited("gnc.methods=[\"subset\"]", "-gnc.draws", "-gnc.block_size"), "x");
        assertEquals("the run has no plain G&C trials (gnc.methods is [subset]), and the authors' layout holds plain"
                + " G&C, prior and GD values only: query its trials table instead",
                assertThrows(IllegalArgumentException.class, () -> WideCsv.of(spec, List.of(), List.of())).getMessage());
    }

    @Test
    void trialsMissingFromTheTablesAreRefusedNotLeftEmpty() {
        // spec.json plans 3 seeds, the tables hold 2: an extension to --seeds 3 stopped before its tables.
        JobSpec spec = SpecParser.parse(Specs.edited("seeds=3", "gd={\"lr\": 0.01, \"epochs\": 10, \"init_scale\": 0.001}"),
                "x");
        List<Row> trials = List.of(trial(2, 2, 0, 0.3, 0.2), trial(2, 2, 1, 0.3, 0.2), trial(5, 2, 0, 0.3, 0.2),
                trial(5, 2, 1, 0.3, 0.2));
        assertEquals("the trials table has no plain G&C row for width 2 depth 2 seed 2 (and 1 more) of the 2 points x 3"
                + " seeds spec.json plans: " + RunPanel.STALE_TABLES,
                assertThrows(IllegalArgumentException.class, () -> WideCsv.of(spec, trials, List.of())).getMessage());
        List<Row> all = new java.util.ArrayList<>(trials);
        all.addAll(List.of(trial(2, 2, 2, 0.3, 0.2), trial(5, 2, 2, 0.3, 0.2)));
        assertEquals("the gd table has no row for width 5 depth 2 seed 2 of the 2 points x 3 seeds spec.json plans: "
                + RunPanel.STALE_TABLES, assertThrows(IllegalArgumentException.class, () -> WideCsv.of(spec, all,
                List.of(gd(2, 2, 0, 0.1), gd(2, 2, 1, 0.1), gd(2, 2, 2, 0.1), gd(5, 2, 0, 0.1), gd(5, 2, 1, 0.1))))
                .getMessage());
    }

    @Test
    void theWarningsNameEveryEmptyField() {
        JobSpec spec = SpecParser.parse(Specs.edited("seeds=3"), "x");
        List<Row> trials = List.of(trial(2, 2, 0, 0.3, null), trial(2, 2, 1, 0.3, 0.2), trial(2, 2, 2, 0.3, null),
                trial(5, 2, 0, 0.3, 0.2), trial(5, 2, 1, 0.3, null), trial(5, 2, 2, 0.3, 0.2));
        assertEquals(List.of("no G&C value (nothing accepted below eps 0.1) at width 2 seeds 0, 2; width 5 seed 1: those"
                + " gnc_gen fields are empty", "the spec runs no GD: every gd_gen field is empty"),
                WideCsv.warnings(spec, trials));
        JobSpec withGd = SpecParser.parse(Specs.edited("seeds=1", "gd={\"lr\": 0.01, \"epochs\": 10, \"init_scale\": 0.001}"),
                "x");
        assertEquals(List.of(), WideCsv.warnings(withGd, List.of(trial(2, 2, 0, 0.3, 0.1), trial(5, 2, 0, 0.3, 0.2))));
    }
}
