package gnc.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gnc.kernel.GdSettings;
import gnc.kernel.ProblemInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command line over job file over defaults: the overrides are validated with the spec, once. */
class OverridesTest {
    @TempDir
    Path dir;

    private Path spec(String... edits) throws Exception {
        Path file = dir.resolve("spec.json");
        Files.writeString(file, Specs.edited(edits));
        return file;
    }

    private static String message(Path file, Overrides o) {
        return assertThrows(SpecException.class, () -> SpecParser.parse(file, o)).getMessage();
    }

    @Test
    void overridesReplaceTheFilesValues() throws Exception {
        Path file = spec("gd={\"lr\": 1e-4, \"epochs\": [100, 200], \"init_scale\": 0.1}");
        JobSpec s = SpecParser.parse(file, new Overrides(700L, 7L, 2L));
        assertEquals(700, s.gnc().draws());
        assertEquals(2, s.seeds());
        assertEquals(List.of(7L), s.gd().epochs(), "one value for every point");
        assertEquals(new GdSettings(1e-4, 7, 0.1, 0.0), s.gd().settings(1));
        JobSpec plain = SpecParser.parse(file);
        assertEquals(5000, plain.gnc().draws());
        assertEquals(3, plain.seeds());
        assertEquals(SpecParser.parse(file), SpecParser.parse(file, Overrides.NONE));
    }

    /** The spec is validated as overridden: fewer seeds fit a problem file that the file's seeds do not. */
    @Test
    void aSpecIsValidatedAsOverridden() throws Exception {
        JobSpec generated = SpecParser.parse(Specs.VALID, "x");
        List<ProblemInstance> two = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
            two.add(generated.problem().instance(s));
        }
        ProblemFile.write(two, dir.resolve("p.json"));
        Path file = spec("problem={\"file\": \"p.json\"}", "seeds=8");
        assertEquals("seeds is 8 but problem.file holds 2 instances (seed s uses instance s)",
                message(file, Overrides.NONE).substring(file.toString().length() + 2));
        assertEquals(2, SpecParser.parse(file, Overrides.seeds(2L)).seeds());
        assertEquals(file + ": --seeds is 3 but problem.file holds 2 instances (seed s uses instance s)",
                message(file, Overrides.seeds(3L)));
    }

    @Test
    void errorsAboutAnOverriddenFieldNameTheOption() throws Exception {
        Path subsetOnly = spec("gnc={\"methods\": [\"subset\"], \"eps\": 0.1}");
        assertEquals(subsetOnly + ": --draws applies to plain G&C only: add \"gnc\" to gnc.methods or remove --draws",
                message(subsetOnly, new Overrides(1000L, null, null)));
        Path noGd = spec();
        assertEquals(noGd + ": --epochs needs a spec with a gd section (this one has none)",
                message(noGd, new Overrides(null, 5L, null)));
        Path tinyBlocks = spec("gnc.block_size=1");
        assertEquals(tinyBlocks + ": gnc.block_size 1 cuts the job into 60000000 work units, more than 1e7: raise"
                + " gnc.block_size", message(tinyBlocks, new Overrides(10_000_000L, null, null)));
    }

    /** An authors' config takes the same overrides; the rest of its messages still name the authors' keys. */
    @Test
    void authorsConfigsTakeOverridesToo() throws Exception {
        Path file = Path.of("jobs", "authors", "width", "width_gt_rank=1_act=Linear_gnc_init=gauss.json");
        JobSpec s = SpecParser.parse(file, new Overrides(1000L, 10L, 1L));
        assertEquals(1000, s.gnc().draws());
        assertEquals(List.of(10L), s.gd().epochs());
        assertEquals(1, s.seeds());
    }
}
