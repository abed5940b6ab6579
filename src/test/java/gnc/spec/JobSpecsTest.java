package gnc.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The job specs in jobs/: all valid, and one per published figure panel with the paper's settings. */
class JobSpecsTest {
    private static final Path JOBS = Path.of("jobs");
    private static final List<String> ACTIVATIONS = List.of("linear", "tanh", "leaky_relu");
    /** Figure -> the authors' config of its panels, ACT standing for the activation (docs/science.md §5). */
    private static final Map<Integer, String> AUTHORS_CONFIG = Map.ofEntries(
            Map.entry(1, "width/width_gt_rank=1_act=ACT_gnc_init=gauss.json"),
            Map.entry(3, "width/width_gt_rank=1_act=ACT_gnc_init=gauss_gd_momentum=0.9.json"),
            Map.entry(5, "width/width_gt_rank=2_act=ACT_gnc_init=gauss.json"),
            Map.entry(7, "width/width_gt_rank=1_act=ACT_gnc_init=unif.json"),
            Map.entry(9, "width/width_gt_rank=1_act=ACT_gnc_init=gauss_completion.json"),
            Map.entry(2, "depth/depth_gt_rank=1_act=ACT_gnc_init=gauss.json"),
            Map.entry(4, "depth/depth_gt_rank=1_act=ACT_gnc_init=gauss_gd_momentum=0.9.json"),
            Map.entry(6, "depth/depth_gt_rank=2_act=ACT_gnc_init=gauss.json"),
            Map.entry(8, "depth/depth_gt_rank=1_act=ACT_gnc_init=unif.json"),
            Map.entry(10, "depth/depth_gt_rank=1_act=ACT_gnc_init=gauss_completion.json"),
            Map.entry(11, "depth/depth_gt_rank=1_act=ACT_gnc_init=gauss_normalize=False.json"));

    static Stream<Path> everySpec() throws IOException {
        try (Stream<Path> files = Files.walk(JOBS)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    /** (figure, activation) for every panel. */
    static Stream<Object[]> panels() {
        List<Object[]> out = new ArrayList<>();
        for (int fig = 1; fig <= 11; fig++) {
            for (String act : ACTIVATIONS) {
                out.add(new Object[] {fig, act});
            }
        }
        return out.stream();
    }

    /** Each spec validates, and its resolved form (what spec.json records) reads back as the same job. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everySpec")
    void everySpecInJobsValidatesAndItsResolvedFormReadsBack(Path file) {
        JobSpec s = SpecParser.parse(file);
        assertEquals(s, SpecParser.parse(SpecJson.write(s), "other"));
    }

    @Test
    void jobsHoldsOneSpecPerPanelAndNothingElseNamedFig() throws IOException {
        try (Stream<Path> files = Files.list(JOBS)) {
            assertEquals(33, files.filter(p -> p.getFileName().toString().matches("fig\\d\\d-.*\\.json")).count());
        }
    }

    /** Our spec of a panel is the authors' config of that panel: only name and description differ. */
    @ParameterizedTest(name = "figure {0} {1}")
    @MethodSource("panels")
    void eachFigureSpecIsTheAuthorsConfigOfThatPanel(int figure, String activation) {
        String name = String.format("fig%02d-%s", figure, activation);
        JobSpec ours = SpecParser.parse(JOBS.resolve(name + ".json"));
        String act = switch (activation) {
            case "linear" -> "Linear";
            case "tanh" -> "Tanh";
            default -> "LeakyReLU";
        };
        Path authorsFile = JOBS.resolve("authors").resolve(AUTHORS_CONFIG.get(figure).replace("ACT", act));
        JobSpec theirs = SpecParser.parse(authorsFile);
        assertEquals(name, ours.name());
        assertTrue(ours.description().startsWith("Figure " + figure + ", "), ours.description());
        assertTrue(ours.description().contains(authorsFile.toString()), "the description names the authors' config");
        assertEquals(unnamed(theirs), unnamed(ours));
        assertEquals(SpecJson.write(unnamed(theirs)), SpecJson.write(unnamed(ours)));
    }

    private static JobSpec unnamed(JobSpec s) {
        return new JobSpec("x", "", s.problem(), s.activation(), s.sweep(), s.gnc(), s.gd(), s.subset(), s.splitting(),
                s.curve(), s.seeds());
    }
}
