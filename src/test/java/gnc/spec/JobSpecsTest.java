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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import gnc.kernel.ProblemSettings;

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

    /**
     * The curve job of a figure 1 or 2 panel is that panel's job (problem, model, sweep, prior,
     * normalization, eps, GD, seeds) with splitting beside 1e6 plain draws, its curve reaching 100x
     * (figure 1) or 1000x (figure 2) below the paper's eps.
     */
    @ParameterizedTest(name = "figure {0} {1}")
    @CsvSource({"1, linear", "1, tanh", "1, leaky_relu", "2, linear", "2, tanh", "2, leaky_relu"})
    void eachCurveJobIsItsFiguresJobWithSplitting(int figure, String activation) {
        String panel = String.format("fig%02d-%s", figure, activation);
        JobSpec curve = SpecParser.parse(JOBS.resolve("curve-" + panel + ".json"));
        JobSpec fig = SpecParser.parse(JOBS.resolve(panel + ".json"));
        assertEquals("curve-" + panel, curve.name());
        assertEquals(List.of(GncSpec.PLAIN, GncSpec.SPLITTING), curve.gnc().methods());
        assertEquals(1_000_000L, curve.gnc().draws());
        // The curve job without its splitting, curve bounds and methods and draws is the figure's job.
        JobSpec asFigure = new JobSpec("x", "", curve.problem(), curve.activation(), curve.sweep(),
                new GncSpec(fig.gnc().methods(), curve.gnc().sampling(), curve.gnc().eps(), fig.gnc().draws(),
                        curve.gnc().blockSize(), curve.gnc().keepThreshold(), curve.gnc().keepCap()), curve.gd(), null,
                null, fig.curve(), curve.seeds());
        assertEquals(unnamed(fig), asFigure);
        double below = figure == 1 ? 100 : 1000;
        for (SweepPoint p : curve.sweep().points()) {
            var grid = curve.curveGrid(p);
            assertEquals(fig.gnc().eps() / below, grid.epsMin(), 1e-12 * grid.epsMin());
            assertTrue(grid.epsMax() >= gnc.kernel.splitting.EpsGrid.priorLevel(ProblemSettings.PAPER, curve.model(p),
                    curve.gnc().sampling()), "from the prior's level");
        }
    }

    private static JobSpec unnamed(JobSpec s) {
        return new JobSpec("x", "", s.problem(), s.activation(), s.sweep(), s.gnc(), s.gd(), s.subset(), s.splitting(),
                s.curve(), s.seeds());
    }
}
