package gnc.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gnc.kernel.Activation;
import gnc.kernel.GdSettings;
import gnc.kernel.GncSettings;
import gnc.kernel.Prior;
import gnc.kernel.ProblemSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The authors' configs (jobs/authors/), read unchanged, key by key. */
class AuthorsConfigTest {
    static final Path AUTHORS = Path.of("jobs", "authors");
    private static final Path WIDTH_LINEAR = AUTHORS.resolve("width/width_gt_rank=1_act=Linear_gnc_init=gauss.json");
    private static final Path DEPTH_LEAKY = AUTHORS.resolve("depth/depth_gt_rank=1_act=LeakyReLU_gnc_init=gauss.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Path> authorsConfigs() throws IOException {
        try (Stream<Path> files = Files.walk(AUTHORS)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @Test
    void theRepositoryHoldsAll33Configs() throws IOException {
        List<Path> all = authorsConfigs().toList();
        assertEquals(33, all.size());
        assertEquals(15, all.stream().filter(p -> p.getParent().endsWith("width")).count());
        assertEquals(18, all.stream().filter(p -> p.getParent().endsWith("depth")).count());
    }

    /** The copies are the published files, byte for byte (checked where ../shared/paper-configs exists). */
    @Test
    void theCopiesAreByteIdenticalToThePublishedConfigs() throws IOException {
        Path shared = Path.of("..", "shared", "paper-configs");
        Assumptions.assumeTrue(Files.isDirectory(shared), "no " + shared + " here (a clean clone)");
        for (Path copy : authorsConfigs().toList()) {
            Path original = shared.resolve(AUTHORS.relativize(copy));
            assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(copy), copy.toString());
        }
        try (Stream<Path> files = Files.walk(shared)) {
            assertEquals(33, files.filter(p -> p.toString().endsWith(".json")).count());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authorsConfigs")
    void everyConfigParsesAsAFullGdAndGncJob(Path file) {
        JobSpec s = SpecParser.parse(file);
        String base = file.getFileName().toString().replace(".json", "");
        assertEquals(base.replace('=', '-'), s.name());
        assertEquals(8, s.seeds());
        assertEquals(file.toString().contains("/width/") ? Sweep.Axis.WIDTH : Sweep.Axis.DEPTH, s.sweep().axis());
        assertTrue(s.gd() != null, "the authors always run GD");
        for (int i = 0; i < s.sweep().values().size(); i++) {
            s.gd().settings(i); // a setting for every point
        }
        assertEquals(1_000_000, s.gnc().blockSize(), "our default block size");
        assertEquals(s, SpecParser.parse(SpecJson.write(s), "other"), "the resolved spec reads back the same");
    }

    @Test
    void aWidthConfigMapsKeyByKey() {
        JobSpec s = SpecParser.parse(WIDTH_LINEAR);
        assertEquals("width_gt_rank-1_act-Linear_gnc_init-gauss", s.name());
        assertEquals("from the authors' config width_gt_rank=1_act=Linear_gnc_init=gauss (gnc_batch_sizes, gd_log_period,"
                + " gd_print_period, gd_verbose, results_dir and figures_dir are ignored)", s.description());
        assertEquals(new ProblemSettings(5, 5, 1, 1.0, 15, false), s.problem().generated());
        assertEquals(Activation.linear(), s.activation());
        assertEquals(Sweep.widths(List.of(5, 10, 20, 40, 80, 160), 2), s.sweep());
        assertEquals(new GncSpec(List.of(GncSpec.PLAIN), new GncSettings(Prior.GAUSS, false, 1e-6), 0.02, 100_000_000L, 1_000_000, 0.02,
                10_000), s.gnc());
        assertEquals(new GdSpec(List.of(1e-4), List.of(100_000L), List.of(1e-3), 0.0), s.gd());
        assertEquals(8, s.seeds());
    }

    @Test
    void aDepthConfigMapsKeyByKey() {
        JobSpec s = SpecParser.parse(DEPTH_LEAKY);
        assertEquals("depth_gt_rank-1_act-LeakyReLU_gnc_init-gauss", s.name());
        assertEquals(new ProblemSettings(5, 5, 1, 1.0, 15, false), s.problem().generated());
        assertEquals(Activation.leakyRelu(0.2), s.activation());
        assertEquals(Sweep.depths(List.of(2, 3, 4, 5, 6, 7, 8, 9, 10), 5), s.sweep());
        assertEquals(new GncSpec(List.of(GncSpec.PLAIN), new GncSettings(Prior.GAUSS, true, 1e-6), 0.0035, 1_000_000_000L, 1_000_000, 0.0035,
                10_000), s.gnc());
        assertEquals(new GdSpec(List.of(0.01), List.of(50_000L), List.of(1e-3, 1e-3, 1e-3, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1),
                0.0), s.gd());
        assertEquals(new GdSettings(0.01, 50_000, 1e-3, 0.0), s.gd().settings(0));
        assertEquals(new GdSettings(0.01, 50_000, 0.1, 0.0), s.gd().settings(8));
        assertEquals(1_000, s.gnc().blocksPerTrial(), "1e9 draws in 1000 blocks of 1e6");
    }

    /** One key changed in the width config, and what it changes in the job. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "n_rows=4                      | problem=4x5 rank 1 norm 1.0 n 15 completion false",
        "n_cols=6                      | problem=5x6 rank 1 norm 1.0 n 15 completion false",
        "gt_rank=3                     | problem=5x5 rank 3 norm 1.0 n 15 completion false",
        "gt_norm=2.5                   | problem=5x5 rank 1 norm 2.5 n 15 completion false",
        "num_measurements=20           | problem=5x5 rank 1 norm 1.0 n 20 completion false",
        "completion=true               | problem=5x5 rank 1 norm 1.0 n 15 completion true",
        "num_seeds=3                   | seeds=3",
        "activation=\"Tanh\"           | activation=tanh",
        "activation=\"Leaky ReLU\"     | activation=leaky_relu(0.2)",
        "negative_slope=0.1            | activation=linear",
        "gnc_num_samples=1e6           | draws=1000000",
        "gnc_eps_train=0.5             | eps=0.5",
        "gnc_normalize=true            | sampling=gauss normalize true softening 1.0E-6",
        "gnc_softening=0               | sampling=gauss normalize false softening 0.0",
        "gnc_init=\"unif\"             | sampling=unif normalize false softening 1.0E-6",
        "gd_lrs=[1, 2, 3, 4, 5, 6]     | gd=lr [1.0, 2.0, 3.0, 4.0, 5.0, 6.0] epochs [100000] init [0.001] momentum 0.0",
        "gd_epochs=7                   | gd=lr [1.0E-4] epochs [7] init [0.001] momentum 0.0",
        "gd_init_scales=[0.5]          | gd=lr [1.0E-4] epochs [100000] init [0.5] momentum 0.0",
        "gd_momentum=0.9               | gd=lr [1.0E-4] epochs [100000] init [0.001] momentum 0.9",
        "widths=[7, 9]                 | sweep=WIDTH [7, 9] at 2",
        "depth=3                       | sweep=WIDTH [5, 10, 20, 40, 80, 160] at 3",
        "gnc_batch_sizes=[5]           | unchanged",
        "gd_log_period=1               | unchanged",
        "gd_print_period=3             | unchanged",
        "gd_verbose=false              | unchanged",
        "results_dir=\"/elsewhere\"    | unchanged",
        "figures_dir=\"f\"             | unchanged",
    })
    void eachKeyMapsToItsField(String edit, String expected) throws IOException {
        JobSpec base = SpecParser.parse(WIDTH_LINEAR);
        JobSpec s = SpecParser.parse(edited(WIDTH_LINEAR, edit), "width_gt_rank=1_act=Linear_gnc_init=gauss");
        String field = expected.substring(0, expected.indexOf('=') < 0 ? expected.length() : expected.indexOf('='));
        String got = switch (field) {
            case "problem" -> {
                ProblemSettings p = s.problem().generated();
                yield "problem=" + p.rows() + "x" + p.cols() + " rank " + p.rank() + " norm " + p.groundTruthNorm()
                        + " n " + p.measurements() + " completion " + p.completion();
            }
            case "seeds" -> "seeds=" + s.seeds();
            case "activation" -> "activation=" + s.activation();
            case "draws" -> "draws=" + s.gnc().draws();
            case "eps" -> "eps=" + s.gnc().eps();
            case "sampling" -> "sampling=" + s.gnc().sampling().prior().specName() + " normalize "
                    + s.gnc().sampling().normalize() + " softening " + s.gnc().sampling().softening();
            case "gd" -> "gd=lr " + s.gd().learningRates() + " epochs " + s.gd().epochs() + " init "
                    + s.gd().initScales() + " momentum " + s.gd().momentum();
            case "sweep" -> "sweep=" + s.sweep().axis() + " " + s.sweep().values() + " at " + s.sweep().fixed();
            case "unchanged" -> s.equals(base) ? "unchanged" : "changed: " + s;
            default -> throw new IllegalArgumentException(field);
        };
        assertEquals(expected, got);
        if (field.equals("eps")) {
            assertEquals(0.5, s.gnc().keepThreshold(), "the accepted table keeps the accepted draws");
        }
    }

    @Test
    void keysOurFormatHasDefaultsForMayBeLeftOut() throws IOException {
        ObjectNode minimal = MAPPER.createObjectNode();
        minimal.put("gnc_num_samples", 1000);
        minimal.put("gnc_eps_train", 0.02);
        minimal.putArray("gd_lrs").add(1e-4);
        minimal.put("gd_epochs", 10);
        minimal.putArray("gd_init_scales").add(1e-3);
        minimal.putArray("depths").add(2).add(3);
        minimal.put("width", 5);
        JobSpec s = SpecParser.parse(minimal.toString(), "m");
        assertEquals(ProblemSettings.PAPER, s.problem().generated());
        assertEquals(Activation.linear(), s.activation());
        assertEquals(new GncSettings(Prior.GAUSS, false, 1e-6), s.gnc().sampling());
        assertEquals(0.0, s.gd().momentum());
        assertEquals(8, s.seeds());
    }

    /** Every bad config fails with one line that names the key and says what is allowed. */
    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/bad-authors-configs.psv", delimiter = '|', quoteCharacter = '\'')
    void badConfigsFailWithAMessageNamingTheKey(String edit, String message) throws IOException {
        Path base = edit.startsWith("depth:") ? DEPTH_LEAKY : WIDTH_LINEAR;
        String json = edited(base, edit.replaceFirst("^depth:", ""));
        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(json, "x"));
        assertTrue(e.getMessage().startsWith(message), "message was: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void aFileNameThatGivesNoJobNameIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("=".repeat(101) + ".json");
        Files.copy(WIDTH_LINEAR, file);
        SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(file));
        assertTrue(e.getMessage().contains("the job name from the file name must be 1 to 100 letters, digits, '.', '_'"
                + " or '-', got \"" + "-".repeat(101) + "\""), e.getMessage());
    }

    @Test
    void jobNamesReplaceWhatNamesDoNotAllow() {
        assertEquals("depth_gt_rank-1_act-Tanh_gnc_init-gauss_gd_momentum-0.9",
                AuthorsConfig.jobName("depth_gt_rank=1_act=Tanh_gnc_init=gauss_gd_momentum=0.9"));
        assertEquals("a-b-c", AuthorsConfig.jobName("a b,c"));
    }

    /** The config with one edit: "key=json" sets a key, "-key" removes it. */
    static String edited(Path file, String edit) throws IOException {
        ObjectNode root = (ObjectNode) MAPPER.readTree(Files.readString(file));
        edit = edit.trim();
        if (edit.startsWith("-")) {
            root.remove(edit.substring(1));
        } else {
            int eq = edit.indexOf('=');
            JsonNode value = MAPPER.readTree(edit.substring(eq + 1));
            root.set(edit.substring(0, eq), value);
        }
        return MAPPER.writeValueAsString(root);
    }
}
