package gnc.spec;

import com.fasterxml.jackson.databind.JsonNode;
import gnc.kernel.Activation;
import gnc.kernel.GncSettings;
import gnc.kernel.Prior;
import gnc.kernel.ProblemSettings;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The paper's authors' experiment configs (github YoniSlutzky98/nn-gd-gen-mf, configs/; copies in
 * jobs/authors/), read unchanged and mapped to a {@link JobSpec} with the strictness of our own
 * format: unknown keys are errors, and a wrong type or value gives one line naming the key.
 *
 * <p>A config is recognised by its keys (n_rows, gnc_eps_train, ...); see README, "The authors'
 * config format", for the key-by-key mapping. Keys that only steer the authors' program
 * (gnc_batch_sizes, gd_log_period, gd_print_period, gd_verbose, results_dir, figures_dir) are
 * type-checked and ignored: our block size replaces their batch sizes, and our tables their
 * result files. The authors' program always runs GD, so a config always gives a gd section.
 *
 * <p>The job is named after the file, with every character that names do not allow ('=' in
 * {@code width_gt_rank=1_act=Linear_gnc_init=gauss}) replaced by '-'.
 */
public final class AuthorsConfig {
    /** The activations as the authors spell them, in {@link Activation.Kind}'s order. */
    private static final List<String> ACTIVATION_NAMES = List.of("Linear", "Tanh", "Leaky ReLU");
    /** Every key of the authors' format. */
    static final Set<String> KEYS = Set.of("n_rows", "n_cols", "gt_rank", "gt_norm", "num_seeds", "completion",
            "num_measurements", "activation", "negative_slope", "gnc_num_samples", "gnc_batch_sizes", "gnc_eps_train",
            "gnc_normalize", "gnc_softening", "gnc_init", "gd_lrs", "gd_epochs", "gd_init_scales", "gd_log_period",
            "gd_print_period", "gd_momentum", "gd_verbose", "widths", "depth", "depths", "width", "results_dir",
            "figures_dir");
    /** The top-level fields of our own format. */
    private static final Set<String> SPEC_FIELDS = Set.of("name", "description", "problem", "model", "sweep", "gnc",
            "gd", "seeds");
    static final String IGNORED = "gnc_batch_sizes, gd_log_period, gd_print_period, gd_verbose, results_dir and"
            + " figures_dir are ignored";

    private AuthorsConfig() {
    }

    /**
     * True when root is in the authors' format: some of its keys are the authors' and none is a
     * field of our format (a mix of the two is an error).
     */
    static boolean recognises(JsonNode root) {
        if (root == null || !root.isObject()) {
            return false;
        }
        List<String> authors = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String n = it.next();
            if (KEYS.contains(n)) {
                authors.add(n);
            } else if (SPEC_FIELDS.contains(n)) {
                ours.add(n);
            }
        }
        if (!authors.isEmpty() && !ours.isEmpty()) {
            throw new SpecException("the spec mixes job spec fields (" + String.join(", ", ours) + ") with keys of the"
                    + " authors' config format (" + String.join(", ", authors) + "): use one format");
        }
        return !authors.isEmpty();
    }

    /** The authors' name of an activation ("Leaky ReLU"): their plots' titles. */
    public static String activationName(Activation.Kind kind) {
        return ACTIVATION_NAMES.get(kind.ordinal());
    }

    /** A job name from a config's file name: characters outside [A-Za-z0-9._-] become '-'. */
    public static String jobName(String fileBaseName) {
        return fileBaseName.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    /** Maps a config (recognised by {@link #recognises}); baseName is its file name without .json. */
    static JobSpec resolve(JsonNode root, String baseName) {
        Fields f = new Fields(root, "");
        ProblemSettings d = ProblemSettings.PAPER;
        int rows = (int) f.integer("n_rows", 1, SpecParser.MAX_SIDE, (long) d.rows());
        int cols = (int) f.integer("n_cols", 1, SpecParser.MAX_SIDE, (long) d.cols());
        int rank = (int) f.integer("gt_rank", 1, Long.MAX_VALUE, (long) d.rank());
        if (rank > Math.min(rows, cols)) {
            throw new SpecException("gt_rank must be in 1.." + Math.min(rows, cols) + " (at most min(n_rows, n_cols)),"
                    + " got " + rank);
        }
        double norm = f.positive("gt_norm", 0.0, Double.MAX_VALUE, d.groundTruthNorm());
        int seeds = (int) f.integer("num_seeds", 1, SpecParser.MAX_SEEDS, (long) SpecParser.DEFAULT_SEEDS);
        boolean completion = f.bool("completion", d.completion());
        long measurements = f.integer("num_measurements", 1, Long.MAX_VALUE, (long) d.measurements());
        if (measurements >= (long) rows * cols) {
            throw new SpecException("num_measurements must be in 1.." + (rows * cols - 1) + " (fewer than n_rows * n_cols"
                    + " = " + rows * cols + ", so that a test set remains), got " + measurements);
        }
        String act = f.choice("activation", ACTIVATION_NAMES, "Linear");
        double slope = f.finite("negative_slope", Activation.DEFAULT_NEGATIVE_SLOPE);

        long draws = f.integer("gnc_num_samples", 1, SpecParser.MAX_DRAWS, null);
        positiveIntegers(f, root, "gnc_batch_sizes");
        double eps = f.positive("gnc_eps_train", 0.0, Double.MAX_VALUE, null);
        boolean normalize = f.bool("gnc_normalize", false);
        double softening = f.finite("gnc_softening", GncSettings.DEFAULT_SOFTENING);
        if (softening < 0) {
            throw new SpecException("gnc_softening must be a finite number >= 0, got " + softening);
        }
        Prior prior = Prior.bySpecName(f.choice("gnc_init", Prior.specNames(), Prior.GAUSS.specName()));

        Sweep sweep = sweep(f);
        String axis = sweep.axis() == Sweep.Axis.WIDTH ? "width" : "depth";
        int points = sweep.values().size();
        List<Double> lrs = perPoint(f, root, "gd_lrs", points, axis);
        long epochs = f.integer("gd_epochs", 1, SpecParser.MAX_EPOCHS, null);
        List<Double> scales = perPoint(f, root, "gd_init_scales", points, axis);
        f.integer("gd_log_period", 1, SpecParser.MAX_EPOCHS, 1L);
        f.integer("gd_print_period", 1, SpecParser.MAX_EPOCHS, 1L);
        double momentum = f.finite("gd_momentum", 0.0);
        if (momentum < 0 || momentum >= 1) {
            throw new SpecException("gd_momentum must be a number in [0, 1), got " + momentum);
        }
        f.bool("gd_verbose", false);
        f.string("results_dir", null);
        f.string("figures_dir", null);
        f.finish();

        String name = jobName(baseName);
        if (!name.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new SpecException("the authors' config's file name must give a job name of 1 to 100 characters,"
                    + " got \"" + name + "\"");
        }
        ProblemSource problem = ProblemSource.of(new ProblemSettings(rows, cols, rank, norm, (int) measurements,
                completion));
        GncSpec gnc = new GncSpec(List.of(GncSpec.PLAIN), new GncSettings(prior, normalize, softening), eps, draws,
                SpecParser.DEFAULT_BLOCK_SIZE, eps, SpecParser.DEFAULT_KEEP_CAP);
        GdSpec gd = new GdSpec(lrs, List.of(epochs), scales, momentum);
        JobSpec spec = new JobSpec(name, "from the authors' config " + baseName + " (" + IGNORED + ")", problem,
                Activation.of(Activation.Kind.values()[ACTIVATION_NAMES.indexOf(act)], slope), sweep, gnc, gd, null, seeds);
        SpecParser.checkPlanSize(spec);
        return spec;
    }

    /** widths + depth (a width sweep) or depths + width (a depth sweep). */
    private static Sweep sweep(Fields f) {
        boolean widths = f.has("widths");
        boolean depths = f.has("depths");
        if (widths == depths) {
            throw new SpecException("the authors' config must give either widths (a list, with one depth) or depths"
                    + " (a list, with one width)" + (widths ? ", not both" : ""));
        }
        String list = widths ? "widths" : "depths";
        String fixed = widths ? "depth" : "width";
        String other = widths ? "width" : "depth";
        if (f.has(other)) {
            throw new SpecException(other + " is the fixed " + other + " of a sweep over " + fixed + "s (" + fixed
                    + "s and " + other + "); a sweep over " + list + " gives " + list + " and " + fixed);
        }
        if (!f.has(fixed)) {
            throw f.missing(fixed, widths ? "an integer in 2.." + SpecParser.MAX_DEPTH + ", the depth at every width"
                    : "an integer in 1.." + SpecParser.MAX_WIDTH + ", the width at every depth");
        }
        if (widths) {
            List<Integer> ws = f.integerList("widths", 1, SpecParser.MAX_WIDTH);
            return Sweep.widths(ws, (int) f.integer("depth", 2, SpecParser.MAX_DEPTH, null));
        }
        List<Integer> ds = f.integerList("depths", 2, SpecParser.MAX_DEPTH);
        return Sweep.depths(ds, (int) f.integer("width", 1, SpecParser.MAX_WIDTH, null));
    }

    /** A list of one number > 0 for every point, or of one per point (the authors' per-width/depth lists). */
    private static List<Double> perPoint(Fields f, JsonNode root, String name, int points, String axis) {
        String allowed = "a list of one number > 0, or of one per " + axis + " (" + points + ")";
        if (!f.has(name)) {
            throw f.missing(name, allowed);
        }
        JsonNode v = root.get(name);
        if (!v.isArray() || (v.size() != 1 && v.size() != points)) {
            throw new SpecException(name + " must be " + allowed + ", got "
                    + (v.isArray() ? "a list of " + v.size() : Fields.describe(v)));
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode x = v.get(i);
            if (!x.isNumber() || !Double.isFinite(x.asDouble()) || !(x.asDouble() > 0)) {
                throw new SpecException(name + "[" + i + "] must be a finite number > 0, got " + Fields.describe(x));
            }
            out.add(x.asDouble());
        }
        return out;
    }

    /**
     * A non-empty list of integers >= 1, of any length: gnc_batch_sizes, which is ignored (the
     * published width configs list 8 for 6 widths).
     */
    private static void positiveIntegers(Fields f, JsonNode root, String name) {
        if (!f.has(name)) {
            return;
        }
        JsonNode v = root.get(name);
        if (!v.isArray() || v.isEmpty()) {
            throw new SpecException(name + " must be a non-empty list of integers >= 1, got " + Fields.describe(v));
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode x = v.get(i);
            boolean whole = x.isIntegralNumber() ? x.canConvertToLong()
                    : x.isNumber() && Double.isFinite(x.asDouble()) && x.asDouble() == Math.rint(x.asDouble());
            if (!whole || x.asDouble() < 1) {
                throw new SpecException(name + "[" + i + "] must be an integer >= 1, got " + Fields.describe(x));
            }
        }
    }
}
