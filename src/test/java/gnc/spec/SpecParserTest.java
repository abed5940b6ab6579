package gnc.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gnc.kernel.Activation;
import gnc.kernel.Prior;
import gnc.kernel.ProblemSettings;
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
        assertEquals(1_000_000, s.gnc().draws(), "a whole number written as 1e6 is accepted");
        assertEquals(SpecParser.DEFAULT_BLOCK_SIZE, s.gnc().blockSize());
        assertEquals(SpecParser.DEFAULT_SEEDS, s.seeds());
    }

    @Test
    void leakyReluTakesItsSlope() {
        JobSpec s = SpecParser.parse(Specs.edited("model={\"activation\": \"leaky_relu\", \"negative_slope\": 0.1}"), "x");
        assertEquals(Activation.leakyRelu(0.1), s.activation());
        JobSpec d = SpecParser.parse(Specs.edited("model={\"activation\": \"leaky_relu\"}"), "x");
        assertEquals(Activation.leakyRelu(0.2), d.activation());
    }

    @Test
    void gdTakesOneValueOrOnePerPoint() {
        JobSpec s = SpecParser.parse(Specs.edited("gd={\"lr\": 1e-4, \"epochs\": [100, 200], \"init_scale\": [0.1, 0.2],"
                + " \"momentum\": 0.9}"), "x");
        assertEquals(new gnc.kernel.GdSettings(1e-4, 100, 0.1, 0.9), s.gd().settings(0));
        assertEquals(new gnc.kernel.GdSettings(1e-4, 200, 0.2, 0.9), s.gd().settings(1));
        assertEquals(new gnc.kernel.GdSettings(1e-4, 7, 0.2, 0.9), s.withEpochs(7).gd().settings(1));
        assertEquals(0.0, SpecParser.parse(Specs.edited("gd={\"lr\": 1, \"epochs\": 5, \"init_scale\": 1}"), "x")
                .gd().momentum());
        assertEquals(null, SpecParser.parse(Specs.VALID, "x").gd());
    }

    @ParameterizedTest
    @CsvSource({"linear", "tanh", "leaky_relu"})
    void theWrittenSpecParsesBackToTheSameSpec(String activation) {
        JobSpec s = SpecParser.parse(Specs.edited("model={\"activation\": \"" + activation + "\"}",
                "gnc.normalize=true", "problem.completion=true",
                "gd={\"lr\": [0.1, 0.2], \"epochs\": 3, \"init_scale\": 1e-3, \"momentum\": 0.5}"), "x");
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
        "gnc.keep_threshold=0.05        | gnc.keep_threshold must be >= gnc.eps = 0.1, got 0.05",
        "gnc.keep_cap=-1                | gnc.keep_cap must be an integer in 0..10000000, got -1",
        "gnc.esp=0.1                    | unknown field gnc.esp (gnc takes: prior, normalize, softening, eps, draws, block_size, keep_threshold, keep_cap)",
        "seed=3                         | unknown field seed (the spec takes: name, description, problem, model, sweep, gnc, gd, seeds)",
        "model.slope=0.3                | unknown field model.slope",
        "seeds=0                        | seeds must be an integer in 1..100000, got 0",
        "gd={\"lr\": 0, \"epochs\": 5, \"init_scale\": 1} | gd.lr must be a finite number > 0.0, or a list of one per point (2), got 0",
        "gd={\"lr\": [1, 2, 3], \"epochs\": 5, \"init_scale\": 1} | gd.lr must be a finite number > 0.0, or a list of one per point (2), got a list of 3",
        "gd={\"lr\": 1, \"epochs\": [5, 0], \"init_scale\": 1} | gd.epochs[1] must be an integer in 1..1000000000, got 0",
        "gd={\"lr\": 1, \"epochs\": 5, \"init_scale\": 1, \"momentum\": 1} | gd.momentum must be a number in [0, 1), got 1.0",
        "gd={\"lr\": 1, \"epochs\": 5}     | missing required field gd.init_scale",
        "gd={\"lr\": 1, \"epochs\": 5, \"init_scale\": 1, \"lrs\": 1} | unknown field gd.lrs (gd takes: lr, epochs, init_scale, momentum)",
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
    void theDrawKeyIgnoresDrawsEpsSeedsSweepNameAndData() {
        JobSpec base = SpecParser.parse(Specs.VALID, "x");
        long key = base.drawKey();
        assertEquals(key, SpecParser.parse(Specs.edited("gnc.draws=99999", "gnc.eps=0.01", "seeds=7",
                "sweep.widths=[80]", "name=\"other\"", "description=\"d\"", "gnc.keep_threshold=0.5",
                "problem.measurements=14", "problem.completion=true", "problem.rank=2"), "x").drawKey());
        assertEquals(key, base.withDraws(1).withSeeds(1).drawKey());
        for (String change : List.of("model.activation=\"tanh\"", "gnc.prior=\"unif\"", "gnc.normalize=true",
                "gnc.block_size=500", "problem.rows=4", "gnc.softening=0")) {
            assertNotEquals(key, SpecParser.parse(Specs.edited(change), "x").drawKey(), change);
        }
    }

    @Test
    void theDataKeyDependsOnTheProblemOnly() {
        long key = SpecParser.parse(Specs.VALID, "x").dataKey();
        assertEquals(key, SpecParser.parse(Specs.edited("model.activation=\"tanh\"", "gnc.prior=\"unif\"",
                "sweep={\"depths\": [2, 3], \"width\": 5}", "gnc.block_size=7"), "x").dataKey());
        assertNotEquals(key, SpecParser.parse(Specs.edited("problem.rank=2"), "x").dataKey());
    }
}
