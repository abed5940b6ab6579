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
import org.junit.jupiter.params.provider.CsvSource;

class SpecParserTest {

    @Test
    void aValidSpecResolvesWithItsValues() {
        JobSpec s = SpecParser.parse(Specs.VALID, "file");
        assertEquals("tiny", s.name());
        assertEquals(ProblemSettings.PAPER, s.problem());
        assertEquals(Activation.linear(), s.activation());
        assertEquals(Sweep.widths(List.of(2, 5), 2), s.sweep());
        assertEquals(List.of(new SweepPoint(2, 2), new SweepPoint(5, 2)), s.sweep().points());
        assertEquals(Prior.GAUSS, s.gnc().prior());
        assertEquals(0.1, s.eps());
        assertEquals(5000, s.draws());
        assertEquals(1000, s.blockSize());
        assertEquals(3, s.seeds());
    }

    @Test
    void defaultsFillEverythingButSweepEpsAndDraws() {
        JobSpec s = SpecParser.parse("""
                {"sweep": {"depths": [2, 3], "width": 5}, "gnc": {"eps": 0.0035, "draws": 1e6}}
                """, "from-file-name");
        assertEquals("from-file-name", s.name());
        assertEquals(ProblemSettings.PAPER, s.problem());
        assertEquals(Activation.linear(), s.activation());
        assertEquals(List.of(new SweepPoint(5, 2), new SweepPoint(5, 3)), s.sweep().points());
        assertEquals(Prior.GAUSS, s.gnc().prior());
        assertEquals(false, s.gnc().normalize());
        assertEquals(1e-6, s.gnc().softening());
        assertEquals(SamplerKind.AUTO, s.gnc().sampler());
        assertEquals(1_000_000, s.draws(), "a whole number written as 1e6 is accepted");
        assertEquals(SpecParser.DEFAULT_BLOCK_SIZE, s.blockSize());
        assertEquals(SpecParser.DEFAULT_SEEDS, s.seeds());
    }

    @Test
    void leakyReluTakesItsSlope() {
        JobSpec s = SpecParser.parse(Specs.edited("model={\"activation\": \"leaky_relu\", \"negative_slope\": 0.1}"), "x");
        assertEquals(Activation.leakyRelu(0.1), s.activation());
        JobSpec d = SpecParser.parse(Specs.edited("model={\"activation\": \"leaky_relu\"}"), "x");
        assertEquals(Activation.leakyRelu(0.2), d.activation());
    }

    @ParameterizedTest
    @CsvSource({"linear", "tanh", "leaky_relu"})
    void theWrittenSpecParsesBackToTheSameSpec(String activation) {
        JobSpec s = SpecParser.parse(Specs.edited("model={\"activation\": \"" + activation + "\"}",
                "gnc.normalize=true", "problem.completion=true", "gnc.sampler=\"direct\""), "x");
        JobSpec back = SpecParser.parse(SpecJson.write(s), "other");
        assertEquals(s, back);
        assertEquals(SpecJson.write(s), SpecJson.write(back));
    }

    /** Every bad spec fails with one line that names the field and says what is allowed. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "sweep.widths=[0, 5]            | sweep.widths[0] must be an integer in 1..4096, got 0",
        "sweep.depth=1                  | sweep.depth must be an integer in 2..1000, got 1",
        "sweep={\"depths\": [1, 3], \"width\": 5} | sweep.depths[0] must be an integer in 2..1000, got 1",
        "sweep={\"depths\": [2, 3], \"width\": 0} | sweep.width must be an integer in 1..4096, got 0",
        "sweep.widths=[5, 5]            | sweep.widths must be a non-empty list of distinct integers in 1..4096, but 5 appears twice",
        "sweep.widths=[]                | sweep.widths must be a non-empty list of distinct integers in 1..4096, got a list",
        "sweep.depths=[2]               | sweep must give either widths (a list, with one depth) or depths (a list, with one width), not both",
        "-sweep.depth                   | missing required field sweep.depth",
        "gnc.eps=0                      | gnc.eps must be a finite number > 0.0, got 0",
        "gnc.eps=-0.5                   | gnc.eps must be a finite number > 0.0, got -0.5",
        "gnc.eps=\"small\"              | gnc.eps must be a finite number > 0.0, got \"small\"",
        "gnc.draws=0                    | gnc.draws must be an integer in 1..",
        "gnc.draws=-3                   | gnc.draws must be an integer in 1..",
        "gnc.draws=2.5                  | gnc.draws must be an integer in 1..",
        "gnc.draws=\"many\"             | gnc.draws must be an integer in 1..",
        "gnc.block_size=0               | gnc.block_size must be an integer in 1..1000000000, got 0",
        "problem.rank=6                 | problem.rank must be in 1..5 (at most min(rows, cols)), got 6",
        "problem.rank=0                 | problem.rank must be an integer in 1..",
        "problem.measurements=25        | problem.measurements must be in 1..24 (fewer than rows * cols = 25, so that a test set remains), got 25",
        "problem.measurements=0         | problem.measurements must be an integer in 1..",
        "problem.rows=0                 | problem.rows must be an integer in 1..32, got 0",
        "problem.gt_norm=0              | problem.gt_norm must be a finite number > 0.0, got 0",
        "problem.completion=\"yes\"     | problem.completion must be true or false, got \"yes\"",
        "model.activation=\"relu\"      | model.activation must be one of linear, tanh, leaky_relu, got \"relu\"",
        "model.activation=3             | model.activation must be a string, got 3",
        "gnc.prior=\"laplace\"          | gnc.prior must be one of gauss, unif, got \"laplace\"",
        "gnc.softening=-1               | gnc.softening must be a finite number >= 0, got -1.0",
        "gnc.esp=0.1                    | unknown field gnc.esp (gnc takes: prior, normalize, softening, eps, draws, block_size, sampler)",
        "gnc.sampler=\"fast\"           | gnc.sampler must be one of auto, direct, reduced, got \"fast\"",
        "seed=3                         | unknown field seed (the spec takes: name, description, problem, model, sweep, gnc, seeds)",
        "model.slope=0.3                | unknown field model.slope",
        "seeds=0                        | seeds must be an integer in 1..100000, got 0",
        "seeds=\"8\"                    | seeds must be an integer in 1..100000, got \"8\"",
        "-gnc.eps                       | missing required field gnc.eps (a finite number > 0.0)",
        "-gnc.draws                     | missing required field gnc.draws",
        "-sweep                         | missing required field sweep",
        "-gnc                           | missing required field gnc",
        "gnc=[1]                        | gnc must be a JSON object, got a list",
        "name=\"a b\"                   | name must be 1 to 100 letters, digits",
    })
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
        assertEquals("gnc.eps must be a finite number > 0.0, got NaN", e.getMessage());
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
    void theDrawKeyIgnoresDrawsEpsSeedsSweepAndName() {
        SweepPoint p = new SweepPoint(5, 2);
        JobSpec base = SpecParser.parse(Specs.VALID, "x");
        long key = base.drawKey(p);
        assertEquals(key, SpecParser.parse(Specs.edited("gnc.draws=99999", "gnc.eps=0.01", "seeds=7",
                "sweep.widths=[80, 5]", "name=\"other\"", "description=\"d\""), "x").drawKey(p));
        assertEquals(key, base.withDraws(1).withSeeds(1).drawKey(p));
        for (String change : List.of("model.activation=\"tanh\"", "gnc.prior=\"unif\"", "gnc.normalize=true",
                "gnc.block_size=500", "problem.measurements=14", "problem.completion=true", "gnc.sampler=\"direct\"")) {
            assertNotEquals(key, SpecParser.parse(Specs.edited(change), "x").drawKey(p), change);
        }
    }

    /** The key holds the sampler that draws at the point, resolved: auto shares draws with it. */
    @Test
    void theDrawKeyHoldsTheResolvedSampler() {
        JobSpec auto = SpecParser.parse(Specs.edited("sweep.widths=[2, 5]"), "x");
        JobSpec direct = SpecParser.parse(Specs.edited("gnc.sampler=\"direct\""), "x");
        JobSpec reduced = SpecParser.parse(Specs.edited("gnc.sampler=\"reduced\"", "sweep.widths=[5, 9]"), "x");
        assertEquals(SamplerKind.AUTO, auto.gnc().sampler());
        SweepPoint narrow = new SweepPoint(2, 2);
        SweepPoint wide = new SweepPoint(5, 2);
        assertEquals(SamplerKind.DIRECT, auto.gnc().resolvedSampler(auto.model(narrow)));
        assertEquals(SamplerKind.REDUCED, auto.gnc().resolvedSampler(auto.model(wide)));
        assertEquals(direct.drawKey(narrow), auto.drawKey(narrow), "auto draws directly below width m'");
        assertEquals(reduced.drawKey(wide), auto.drawKey(wide), "auto draws reduced at width >= m'");
        assertNotEquals(direct.drawKey(wide), auto.drawKey(wide));
        JobSpec unif = SpecParser.parse(Specs.edited("gnc.prior=\"unif\""), "x");
        assertEquals(SamplerKind.DIRECT, unif.gnc().resolvedSampler(unif.model(wide)), "no reduction for unif");
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

    @Test
    void theDataKeyDependsOnTheProblemOnly() {
        long key = SpecParser.parse(Specs.VALID, "x").dataKey();
        assertEquals(key, SpecParser.parse(Specs.edited("model.activation=\"tanh\"", "gnc.prior=\"unif\"",
                "sweep={\"depths\": [2, 3], \"width\": 5}", "gnc.block_size=7"), "x").dataKey());
        assertNotEquals(key, SpecParser.parse(Specs.edited("problem.rank=2"), "x").dataKey());
    }
}
