package gnc.spec;

import static gnc.spec.Field.Num.NONE;

import gnc.kernel.Activation;
import gnc.kernel.GncSettings;
import gnc.kernel.Prior;
import gnc.kernel.ProblemSettings;
import gnc.kernel.SamplerKind;
import gnc.kernel.SubsetSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every field of the job spec, each declared once beside what it allows, its default and what
 * it means; {@link SpecParser} reads every field through these declarations, and README's
 * "Job spec" table states exactly these texts (a test compares the two). Defaults that the
 * kernel defines (the paper's problem, the softening, subset simulation's settings) are taken
 * from there.
 *
 * <p>Order of precedence: the command line (--draws, --epochs, --seeds) over the job file over
 * these defaults. The overrides are written into the spec before it is validated, so a spec is
 * validated once, as it will run ({@link Overrides}).
 */
public final class JobFields {
    private static final ProblemSettings PAPER = ProblemSettings.PAPER;
    private static final SubsetSettings SUBSET = SubsetSettings.DEFAULTS;
    private static final String SIDES = "the target's shape m x m'";

    public static final Field.Text NAME = new Field.Text("name", "[A-Za-z0-9._-]{1,100}",
            "1 to 100 letters, digits, '.', '_' or '-'", "the file's name", "names the run directory");
    public static final Field.Text DESCRIPTION = new Field.Text("description", null, "a string", "\"\"",
            "free text");

    public static final Field.Text PROBLEM_FILE = new Field.Text("problem.file", null,
            "a path, relative to the spec's folder", "none",
            "data sets from a problem file instead of generated ones; then problem holds only file and sha256");
    public static final Field.Text PROBLEM_SHA256 = new Field.Text("problem.sha256", null, "a string", "none",
            "the problem file's sha256 (spec.json records it): refused when the file changed since");
    public static final Field.Int ROWS = new Field.Int("problem.rows", 1, 32, PAPER.rows(), "m, rows of " + SIDES);
    public static final Field.Int COLS = new Field.Int("problem.cols", 1, 32, PAPER.cols(),
            "m', columns of " + SIDES);
    public static final Field.Int RANK = Field.Int.bounded("problem.rank", 1,
            new Field.Bound("min(%s, %s)", ROWS.path(), COLS.path()), PAPER.rank(), "r, the rank of the ground truth W*");
    public static final Field.Num GT_NORM = new Field.Num("problem.gt_norm", 0, true, NONE, true,
            PAPER.groundTruthNorm(), "the Frobenius norm of W*");
    public static final Field.Int MEASUREMENTS = Field.Int.bounded("problem.measurements", 1,
            new Field.Bound("%s * %s - 1", ROWS.path(), COLS.path()), PAPER.measurements(),
            "n, the training measurements; the other m m' - n directions are the test set");
    public static final Field.Flag COMPLETION = new Field.Flag("problem.completion", PAPER.completion(),
            "one-hot measurements (matrix completion) instead of Gaussian ones (sensing)");

    public static final Field.Choice ACTIVATION = new Field.Choice("model.activation",
            Activation.Kind.specNames(), Activation.Kind.LINEAR.specName(), "sigma, applied entry-wise between layers");
    public static final Field.Num NEGATIVE_SLOPE = new Field.Num("model.negative_slope", -NONE, true, NONE, true,
            Activation.DEFAULT_NEGATIVE_SLOPE, "leaky ReLU's slope for x < 0");

    public static final Field.IntList WIDTHS = new Field.IntList(
            Field.Int.required("sweep.widths", 1, 4096, "", "a width"), Field.required("(or sweep.depths)"),
            "a width sweep: the widths k, all at sweep.depth");
    public static final Field.Int DEPTH = Field.Int.required("sweep.depth", 2, 1000, "with sweep.widths",
            "the depth d at every width");
    public static final Field.IntList DEPTHS = new Field.IntList(
            Field.Int.required("sweep.depths", 2, 1000, "", "a depth"), Field.required("(or sweep.widths)"),
            "a depth sweep: the depths d, all at sweep.width");
    public static final Field.Int WIDTH = Field.Int.required("sweep.width", 1, 4096, "with sweep.depths",
            "the width k at every depth");

    public static final Field.ChoiceList METHODS = new Field.ChoiceList("gnc.methods", "methods",
            ordered(GncSpec.PLAIN, "plain G&C", GncSpec.SUBSET, "subset simulation", GncSpec.SPLITTING, "multilevel splitting"),
            List.of(GncSpec.PLAIN), "the estimators that run, on the same data sets");
    public static final Field.Choice PRIOR = new Field.Choice("gnc.prior", Prior.specNames(), Prior.GAUSS.specName(),
            "D, the prior's base law: N(0, 1) or U[-1, 1]");
    public static final Field.Flag NORMALIZE = new Field.Flag("gnc.normalize", false,
            "W <- W / (‖W‖_F + gnc.softening) before the losses");
    public static final Field.Num SOFTENING = new Field.Num("gnc.softening", 0, false, NONE, true,
            GncSettings.DEFAULT_SOFTENING, "added to ‖W‖_F when normalizing");
    public static final Field.Num EPS = Field.Num.required("gnc.eps", 0, true, "",
            "the threshold: a draw is accepted when L_train < eps");
    public static final Field.Int DRAWS = Field.Int.required("gnc.draws", 1, 1_000_000_000_000_000L,
            "with method gnc", "plain G&C draws per (point, seed)");
    public static final Field.Int BLOCK_SIZE = new Field.Int("gnc.block_size", 1, 1_000_000_000, 1_000_000,
            "draws per work unit, the unit of randomness and of resuming; part of the draws' stream key");
    public static final Field.Num KEEP_THRESHOLD = Field.Num.atLeast(new Field.Bound("%s", EPS.path()),
            "gnc.keep_threshold", "draws with L_train below it go to the accepted table");
    public static final Field.Int KEEP_CAP = new Field.Int("gnc.keep_cap", 0, 10_000_000, 10_000,
            "at most this many kept draws per block are written (the first ones)");
    public static final Field.Choice SAMPLER = new Field.Choice("gnc.sampler", SamplerKind.specNames(),
            SamplerKind.AUTO.specName(), "how W is drawn (docs/science.md §7); reduced is refused where it is not exact");
    /** The gnc fields that only plain G&C reads. */
    static final List<Field> PLAIN_ONLY = List.of(DRAWS, BLOCK_SIZE, KEEP_THRESHOLD, KEEP_CAP, SAMPLER);

    public static final Field.Int REPLICAS = new Field.Int("subset.replicas", 1, 100_000, 20,
            "independent replicas per (point, seed), each a work unit");
    public static final Field.Int SAMPLES = new Field.Int("subset.samples", 2, 10_000_000, SUBSET.samplesPerLevel(),
            "N, samples per level");
    public static final Field.Num P0 = new Field.Num("subset.p0", 0, true, 0.5, false, SUBSET.levelProbability(),
            "p0, the fraction of a level that seeds the next; N p0 must be a whole number");
    public static final Field.Int MOVES_PER_STATE = new Field.Int("subset.moves_per_state", 1, 10_000,
            SUBSET.movesPerState(), "MCMC moves between recorded states of a chain");
    public static final Field.Int MAX_LEVELS = new Field.Int("subset.max_levels", 1, 1_000, SUBSET.maxLevels(),
            "MCMC levels at most");
    public static final Field.Num INITIAL_RHO = new Field.Num("subset.initial_rho", 0, false, 1, true,
            SUBSET.initialRho(), "rho of the move W' = rho W + sqrt(1 - rho^2) xi at the first level");
    public static final Field.Num TARGET_ACCEPTANCE = new Field.Num("subset.target_acceptance", 0, true, 0.999, false,
            SUBSET.targetAcceptance(), "the moves' acceptance rate that rho is adapted toward");

    public static final Field.Int SPLITTING_REPLICAS = new Field.Int("splitting.replicas", 2, 100_000, 16,
            "independent replicas per (point, seed), each a work unit; standard errors from their spread");
    public static final Field.Int PARTICLES = new Field.Int("splitting.particles", 2, 10_000_000, 200,
            "N, particles of a replica");
    public static final Field.Num KILL_FRACTION = new Field.Num("splitting.kill_fraction", 0, true, 0.5, false, 0.1,
            "f: rungs (where every particle moves) are placed about f N kills apart");
    public static final Field.Int MOVES = new Field.Int("splitting.moves", 1, 10_000, 5,
            "MCMC moves of every particle at every rung");
    public static final Field.Int MAX_EVALUATIONS = new Field.Int("splitting.max_evaluations", 1,
            1_000_000_000_000_000L, 1_000_000_000, "loss evaluations per replica at most; the grid below is not reached");

    public static final Field.Num EPS_MAX = Field.Num.derived("curve.eps_max", 0, true, "the prior's level",
            "the curve's largest eps (docs/curves.md)");
    public static final Field.Num EPS_MIN = Field.Num.derived("curve.eps_min", 0, true, "gnc.eps / 100",
            "the curve's smallest eps");
    public static final Field.Int POINTS_PER_DECADE = new Field.Int("curve.points_per_decade", 1, 64, 4,
            "grid points per decade of eps, gnc.eps one of them");

    public static final Field.PerPoint<Double> LR = Field.PerPoint.of(
            Field.Num.required("gd.lr", 0, true, "", "gradient descent's learning rate"), "with gd");
    /** One value of gd.epochs. */
    public static final Field.Int EPOCH_COUNT = Field.Int.required("gd.epochs", 1, 1_000_000_000, "",
            "full-batch epochs");
    public static final Field.PerPoint<Long> EPOCHS = Field.PerPoint.of(EPOCH_COUNT, "with gd");
    public static final Field.PerPoint<Double> INIT_SCALE = Field.PerPoint.of(
            Field.Num.required("gd.init_scale", 0, true, "", "multiplies the uniform initialization"), "with gd");
    public static final Field.Num MOMENTUM = new Field.Num("gd.momentum", 0, false, 1, true, 0,
            "mu; applied, unlike in the authors' code");

    public static final Field.Int SEEDS = new Field.Int("seeds", 1, 100_000, 8,
            "trials 0..seeds-1; a seed fixes the data set, the draws and GD's start");

    /** Every field, in README's order. */
    static final List<Field> ALL = List.of(NAME, DESCRIPTION, PROBLEM_FILE, PROBLEM_SHA256, ROWS, COLS, RANK, GT_NORM,
            MEASUREMENTS, COMPLETION, ACTIVATION, NEGATIVE_SLOPE, WIDTHS, DEPTH, DEPTHS, WIDTH, METHODS, PRIOR, NORMALIZE,
            SOFTENING, EPS, DRAWS, BLOCK_SIZE, KEEP_THRESHOLD, KEEP_CAP, SAMPLER, REPLICAS, SAMPLES, P0, MOVES_PER_STATE,
            MAX_LEVELS, INITIAL_RHO, TARGET_ACCEPTANCE, SPLITTING_REPLICAS, PARTICLES, KILL_FRACTION, MOVES,
            MAX_EVALUATIONS, EPS_MAX, EPS_MIN, POINTS_PER_DECADE, LR, EPOCHS, INIT_SCALE, MOMENTUM, SEEDS);

    /** Work units a job may plan; more would crowd the driver: raise gnc.block_size instead. */
    static final long MAX_UNITS = 10_000_000L;

    private JobFields() {
    }

    private static Map<String, String> ordered(String... nameThenMeaning) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenMeaning.length; i += 2) {
            m.put(nameThenMeaning[i], nameThenMeaning[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
