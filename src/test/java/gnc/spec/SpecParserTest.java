package gnc.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gnc.kernel.Activation;
import gnc.kernel.Prior;
import gnc.kernel.ProblemSettings;
import gnc.kernel.SamplerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

class SpecParserTest {

    @Test
    void aValidSpecResolvesWithItsValues() {
        JobSpec s = SpecParser.parse(Specs.VALID, "file");
        assertEquals("tiny", s.name());
        assertEquals(ProblemSettings.PAPER, s.problem().generated());
        assertEquals(Activation.linear(), s.activation());
        assertEquals(Sweep.widths(List.of(2, 5), 2), s.sweep());
        assertEquals(List.of(new SweepPoint(2, 2), new SweepPoint(5, 2)), s.sweep().points());
        assertEquals(Prior.GAUSS, s.gnc().sampling().prior());
        assertEquals(0.1, s.gnc().eps());
        assertEquals(5000, s.gnc().draws());
        assertEquals(1000, s.gnc().blockSize());
        assertEquals(3, s.seeds());
    }

    @Test
    void defaultsFillEverythingButSweepEpsAndDraws() {
        JobSpec s = SpecParser.parse("""
                {"sweep": {"depths": [2, 3], "width": 5}, "gnc": {"eps": 0.0035, "draws": 1e6}}
                """, "from-file-name");
        assertEquals("from-file-name", s.name());
        assertEquals(ProblemSettings.PAPER, s.problem().generated());
        assertEquals(Activation.linear(), s.activation());
        assertEquals(List.of(new SweepPoint(5, 2), new SweepPoint(5, 3)), s.sweep().points());
        assertEquals(Prior.GAUSS, s.gnc().sampling().prior());
        assertEquals(false, s.gnc().sampling().normalize());
        assertEquals(1e-6, s.gnc().sampling().softening());
        assertEquals(SamplerKind.AUTO, s.gnc().sampling().sampler());
        assertEquals(1_000_000, s.gnc().draws(), "a whole number written as 1e6 is accepted");
        assertEquals(1_000_000, s.gnc().blockSize());
        assertEquals(8, s.seeds());
    }

    @Test
    void leakyReluTakesItsSlope() {
        JobSpec s = SpecParser.parse(Specs.edited("model={\"activation\": \"leaky_relu\", \"negative_slope\": 0.1}"), "x");
        assertEquals(Activation.leakyRelu(0.1), s.activation());
        JobSpec d = SpecParser.parse(Specs.edited("model={\"activation\": \"leaky_relu\"}"), "x");
        assertEquals(Activation.leakyRelu(0.2), d.activation());
    }

    @Test
    void subsetSimulationIsAMethodWithItsOwnSettings() {
        JobSpec s = SpecParser.parse(Specs.edited("gnc={\"methods\": [\"subset\"], \"eps\": 0.001}",
                "subset={\"replicas\": 4, \"samples\": 500, \"p0\": 0.2, \"moves_per_state\": 3}"), "x");
        assertEquals(List.of("subset"), s.gnc().methods());
        assertEquals(0, s.gnc().blocksPerTrial(), "no plain G&C blocks");
        assertEquals(4, s.subset().replicas());
        assertEquals(new gnc.kernel.SubsetSettings(500, 0.2, 3, 40, 0.8, 0.44), s.subset().settings());
        JobSpec defaults = SpecParser.parse(Specs.edited("gnc.methods=[\"gnc\", \"subset\"]"), "x");
        assertEquals(gnc.kernel.SubsetSettings.DEFAULTS, defaults.subset().settings());
        assertEquals(20, defaults.subset().replicas());
        assertEquals(5000, defaults.gnc().draws());
        assertEquals(s, SpecParser.parse(SpecJson.write(s), "y"), "round trip");
        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(Specs.edited(
                "gnc.methods=[\"gnc\", \"subset\"]", "subset={\"samples\": 999, \"p0\": 0.1}"), "x"));
        assertEquals("subset.samples * subset.p0 must be a whole number >= 1 (the chains per level), got 999 * 0.1",
                e.getMessage());
    }

    @Test
    void gdTakesOneValueOrOnePerPoint() {
        JobSpec s = SpecParser.parse(Specs.edited("gd={\"lr\": 1e-4, \"epochs\": [100, 200], \"init_scale\": [0.1, 0.2],"
                + " \"momentum\": 0.9}"), "x");
        assertEquals(new gnc.kernel.GdSettings(1e-4, 100, 0.1, 0.9), s.gd().settings(0));
        assertEquals(new gnc.kernel.GdSettings(1e-4, 200, 0.2, 0.9), s.gd().settings(1));
        assertEquals(0.0, SpecParser.parse(Specs.edited("gd={\"lr\": 1, \"epochs\": 5, \"init_scale\": 1}"), "x")
                .gd().momentum());
        assertEquals(null, SpecParser.parse(Specs.VALID, "x").gd());
    }

    @ParameterizedTest
    @CsvSource({"linear", "tanh", "leaky_relu"})
    void theWrittenSpecParsesBackToTheSameSpec(String activation) {
        JobSpec s = SpecParser.parse(Specs.edited("model={\"activation\": \"" + activation + "\"}",
                "gnc.normalize=true", "problem.completion=true", "gnc.sampler=\"direct\"",
                "gd={\"lr\": [0.1, 0.2], \"epochs\": 3, \"init_scale\": 1e-3, \"momentum\": 0.5}"), "x");
        JobSpec back = SpecParser.parse(SpecJson.write(s), "other");
        assertEquals(s, back);
        assertEquals(SpecJson.write(s), SpecJson.write(back));
    }

    /** Every bad spec fails with one line that names the field and says what is allowed. */
    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/bad-specs.psv", delimiter = '|', quoteCharacter = '\'')
    void badSpecsFailWithAMessageNamingTheField(String edit, String message) {
        String json = Specs.edited(edit);
        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(json, "x"));
        assertTrue(e.getMessage().startsWith(message), "message was: " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }

    @Test
    void notANumberIsRejected() {
        String json = Specs.VALID.replace("\"eps\": 0.1", "\"eps\": NaN");
        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(json, "x"));
        assertEquals("gnc.eps must be a finite number > 0, got NaN", e.getMessage());
    }

    @Test
    void planSizeIsCheckedAgainstTheLimit() {
        String json = Specs.edited("gnc.block_size=1", "gnc.draws=4000000", "seeds=3");
        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(json, "x"));
        assertTrue(e.getMessage().contains("raise gnc.block_size"), e.getMessage());
    }

    @Test
    void malformedJsonSaysWhere() {
        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse("{\"gnc\": {\"eps\": 0.1,}}", "x"));
        assertTrue(e.getMessage().startsWith("not valid JSON at line 1"), e.getMessage());
        SpecException dup = assertThrows(SpecException.class,
                () -> SpecParser.parse("{\"seeds\": 1, \"seeds\": 2}", "x"));
        assertTrue(dup.getMessage().contains("Duplicate field 'seeds'"), dup.getMessage());
        assertThrows(SpecException.class, () -> SpecParser.parse("", "x"));
        assertThrows(SpecException.class, () -> SpecParser.parse("[1, 2]", "x"));
        assertThrows(SpecException.class, () -> SpecParser.parse(Specs.VALID + " {}", "x"));
    }

    @Test
    void unreadableFilesAreReportedWithTheirPath(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.json");
        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(missing));
        assertEquals("cannot read spec file " + missing + ": no such file", e.getMessage());
        SpecException d = assertThrows(SpecException.class, () -> SpecParser.parse(dir));
        assertTrue(d.getMessage().startsWith("cannot read spec file " + dir), d.getMessage());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Specs.edited("gnc.eps=-1"));
        SpecException b = assertThrows(SpecException.class, () -> SpecParser.parse(bad));
        assertTrue(b.getMessage().startsWith(bad + ": gnc.eps must be"), b.getMessage());
    }

    @Test
    void theDrawKeyIgnoresDrawsEpsSeedsSweepNameAndData() {
        SweepPoint p = new SweepPoint(15, 2);
        JobSpec base = SpecParser.parse(Specs.VALID, "x");
        long key = base.drawKey(p);
        assertEquals(key, SpecParser.parse(Specs.edited("gnc.draws=99999", "gnc.eps=0.01", "seeds=7",
                "sweep.widths=[80, 5]", "name=\"other\"", "description=\"d\"", "gnc.keep_threshold=0.5",
                "problem.measurements=14", "problem.completion=true", "problem.rank=2"), "x").drawKey(p));
        assertEquals(key, base.withDraws(1).withSeeds(1).drawKey(p));
        for (String change : List.of("model.activation=\"tanh\"", "gnc.prior=\"unif\"", "gnc.normalize=true",
                "gnc.block_size=500", "problem.rows=4", "gnc.softening=0", "gnc.sampler=\"direct\"")) {
            assertNotEquals(key, SpecParser.parse(Specs.edited(change), "x").drawKey(p), change);
        }
    }

    /** The key holds the sampler that draws at the point, resolved: auto shares draws with it. */
    @Test
    void theDrawKeyHoldsTheResolvedSampler() {
        JobSpec auto = SpecParser.parse(Specs.edited("sweep.widths=[2, 15]"), "x");
        JobSpec direct = SpecParser.parse(Specs.edited("gnc.sampler=\"direct\""), "x");
        JobSpec reduced = SpecParser.parse(Specs.edited("gnc.sampler=\"reduced\"", "sweep.widths=[5, 15]"), "x");
        assertEquals(SamplerKind.AUTO, auto.gnc().sampling().sampler());
        SweepPoint narrow = new SweepPoint(2, 2);
        SweepPoint wide = new SweepPoint(15, 2);
        assertEquals(SamplerKind.DIRECT, auto.gnc().sampling().resolvedSampler(auto.model(narrow)));
        assertEquals(SamplerKind.REDUCED, auto.gnc().sampling().resolvedSampler(auto.model(wide)));
        assertEquals(direct.drawKey(narrow), auto.drawKey(narrow), "auto draws directly below width m'");
        assertEquals(reduced.drawKey(wide), auto.drawKey(wide), "auto draws reduced at width >= 2 m'");
        assertNotEquals(direct.drawKey(wide), auto.drawKey(wide));
        JobSpec unif = SpecParser.parse(Specs.edited("gnc.prior=\"unif\""), "x");
        assertEquals(SamplerKind.DIRECT, unif.gnc().sampling().resolvedSampler(unif.model(wide)), "no reduction for unif");
    }

    @Test
    void reducedIsRefusedWhereItIsNotExact() {
        SpecException narrow = assertThrows(SpecException.class,
                () -> SpecParser.parse(Specs.edited("gnc.sampler=\"reduced\""), "x"));
        assertEquals("gnc.sampler \"reduced\" is not exact at width 2, depth 2: it needs width >= cols (5), got"
                + " width 2 (use \"auto\", which draws directly there, or \"direct\")", narrow.getMessage());
        SpecException unif = assertThrows(SpecException.class, () -> SpecParser.parse(Specs.edited(
                "gnc.sampler=\"reduced\"", "gnc.prior=\"unif\"", "sweep.widths=[5]"), "x"));
        assertTrue(unif.getMessage().startsWith("gnc.sampler \"reduced\" is not exact at width 5, depth 2: it needs"
                + " the Gaussian prior"), unif.getMessage());
    }

    /**
     * Subset simulation's key covers what defines its draws, not plain G&C's block size: the
     * same replicas alone or beside plain draws cut into any blocks. The pinned values are the
     * keys the code gave before the block size was left out (commit d8c221d, whose subset key
     * hashed the job key): runs made then keep their replicas.
     */
    @Test
    void theSubsetKeyIgnoresTheBlockSizeAndKeepsEarlierRunsKeys() {
        JobSpec alone = SpecParser.parse(Specs.edited("gnc={\"methods\": [\"subset\"], \"eps\": 0.1}"), "x");
        JobSpec beside = SpecParser.parse(Specs.edited("gnc.methods=[\"gnc\", \"subset\"]", "gnc.block_size=500"), "x");
        assertNotEquals(alone.jobKey(), beside.jobKey(), "plain draws do depend on the block size");
        assertEquals(alone.subsetKey(), beside.subsetKey());
        assertEquals(-7968919586638798269L, alone.subsetKey());
        JobSpec other = SpecParser.parse(Specs.edited("gnc={\"methods\": [\"subset\"], \"eps\": 0.1, \"prior\": \"unif\","
                + " \"normalize\": true, \"softening\": 0.001}", "model.activation=\"tanh\"",
                "problem={\"rows\": 4, \"cols\": 6}"), "x");
        assertEquals(2244594576940987723L, other.subsetKey());
        for (String change : List.of("model.activation=\"tanh\"", "gnc.prior=\"unif\"", "gnc.normalize=true",
                "gnc.softening=0", "problem.rows=4")) {
            JobSpec changed = SpecParser.parse(Specs.edited("gnc.methods=[\"gnc\", \"subset\"]", change), "x");
            assertNotEquals(alone.subsetKey(), changed.subsetKey(), change);
        }
    }

    /** Subset simulation's settings, each refused outside its range with the range named. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"p0\": 0.6                | subset.p0 must be a number in (0, 0.5], got 0.6",
        "\"p0\": 0                  | subset.p0 must be a number in (0, 0.5], got 0",
        "\"initial_rho\": 1         | subset.initial_rho must be a number in [0, 1), got 1",
        "\"target_acceptance\": 1   | subset.target_acceptance must be a number in (0, 0.999], got 1",
        "\"samples\": 1             | subset.samples must be an integer in 2..1e7, got 1",
        "\"replicas\": 0            | subset.replicas must be an integer in 1..100000, got 0",
        "\"moves_per_state\": 0     | subset.moves_per_state must be an integer in 1..10000, got 0",
        "\"max_levels\": 1001       | subset.max_levels must be an integer in 1..1000, got 1001",
        "\"rho\": 0.5               | unknown field subset.rho (subset takes: replicas, samples, p0, moves_per_state,"
            + " max_levels, initial_rho, target_acceptance)",
    })
    void subsetSettingsOutsideTheirRangeAreRefused(String field, String message) {
        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(Specs.edited(
                "gnc.methods=[\"gnc\", \"subset\"]", "subset={" + field + "}"), "x"));
        assertEquals(message, e.getMessage());
    }

    @Test
    void theDataKeyDependsOnTheProblemOnly() {
        long key = SpecParser.parse(Specs.VALID, "x").dataKey();
        assertEquals(key, SpecParser.parse(Specs.edited("model.activation=\"tanh\"", "gnc.prior=\"unif\"",
                "sweep={\"depths\": [2, 3], \"width\": 5}", "gnc.block_size=7"), "x").dataKey());
        assertNotEquals(key, SpecParser.parse(Specs.edited("problem.rank=2"), "x").dataKey());
    }
}
