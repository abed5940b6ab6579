package gnc.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gnc.kernel.Activation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The paper's authors' experiment configs (github YoniSlutzky98/nn-gd-gen-mf, configs/; copies in
 * jobs/authors/), read unchanged: a config is translated key by key into a job spec's JSON, which
 * {@link SpecParser} then validates like any other, its messages naming the authors' keys
 * ({@code gd_init_scales[4] must be a finite number > 0}). Only what is the authors' own is
 * checked here: their spelling of the activations, their list shapes (learning rates and init
 * scales always lists, epochs never), unknown keys, and the keys that only steer their program.
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
    private static final Field.Choice ACTIVATION = new Field.Choice("activation", ACTIVATION_NAMES, "Linear",
            "the authors' spelling of model.activation");
    /** The authors' key of each of our fields, in the order of the authors' parser. */
    private static final Map<String, Field> MAPPED = mapped();
    /** Keys that only steer the authors' program: checked, then ignored (periods count epochs). */
    private static final Field.Int LOG_PERIOD = new Field.Int("gd_log_period", 1, JobFields.EPOCH_COUNT.max(), 1,
            "ignored");
    private static final Field.Int PRINT_PERIOD = new Field.Int("gd_print_period", 1, JobFields.EPOCH_COUNT.max(), 1,
            "ignored");
    private static final Field.Flag VERBOSE = new Field.Flag("gd_verbose", false, "ignored");
    private static final Field.Text RESULTS_DIR = new Field.Text("results_dir", null, "a string", "none", "ignored");
    private static final Field.Text FIGURES_DIR = new Field.Text("figures_dir", null, "a string", "none", "ignored");
    private static final String BATCH_SIZES = "gnc_batch_sizes";
    /** Every key of the authors' format. */
    static final Set<String> KEYS = keys();
    /** The top-level fields of our own format (problem, gnc, seeds, ...). */
    private static final Set<String> SPEC_FIELDS = JobFields.ALL.stream().map(f -> f.path().split("\\.")[0])
            .collect(java.util.stream.Collectors.toSet());
    static final String IGNORED = "gnc_batch_sizes, gd_log_period, gd_print_period, gd_verbose, results_dir and"
            + " figures_dir are ignored";

    /** A config as a job spec's JSON, and the labels that name each of its fields by the authors' key. */
    record Translation(ObjectNode spec, UnaryOperator<String> labels) {
    }

    private AuthorsConfig() {
    }

    private static Map<String, Field> mapped() {
        Map<String, Field> m = new LinkedHashMap<>();
        m.put("n_rows", JobFields.ROWS);
        m.put("n_cols", JobFields.COLS);
        m.put("gt_rank", JobFields.RANK);
        m.put("gt_norm", JobFields.GT_NORM);
        m.put("num_seeds", JobFields.SEEDS);
        m.put("completion", JobFields.COMPLETION);
        m.put("num_measurements", JobFields.MEASUREMENTS);
        m.put("activation", JobFields.ACTIVATION);
        m.put("negative_slope", JobFields.NEGATIVE_SLOPE);
        m.put("gnc_num_samples", JobFields.DRAWS);
        m.put("gnc_eps_train", JobFields.EPS);
        m.put("gnc_normalize", JobFields.NORMALIZE);
        m.put("gnc_softening", JobFields.SOFTENING);
        m.put("gnc_init", JobFields.PRIOR);
        m.put("gd_lrs", JobFields.LR);
        m.put("gd_epochs", JobFields.EPOCHS);
        m.put("gd_init_scales", JobFields.INIT_SCALE);
        m.put("gd_momentum", JobFields.MOMENTUM);
        m.put("widths", JobFields.WIDTHS);
        m.put("depth", JobFields.DEPTH);
        m.put("depths", JobFields.DEPTHS);
        m.put("width", JobFields.WIDTH);
        return m;
    }

    private static Set<String> keys() {
        Set<String> k = new java.util.HashSet<>(MAPPED.keySet());
        k.addAll(List.of(BATCH_SIZES, LOG_PERIOD.path(), PRINT_PERIOD.path(), VERBOSE.path(), RESULTS_DIR.path(),
                FIGURES_DIR.path()));
        return Set.copyOf(k);
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

    /** Translates a config (recognised by {@link #recognises}); baseName is its file name without .json. */
    static Translation translate(JsonNode root, String baseName) {
        Fields f = new Fields(root, "", UnaryOperator.identity());
        ObjectNode spec = JsonNodeFactory.instance.objectNode();
        spec.put(JobFields.NAME.path(), jobName(baseName));
        spec.put(JobFields.DESCRIPTION.path(), "from the authors' config " + baseName + " (" + IGNORED + ")");
        for (String section : List.of("problem", "model", "sweep", "gnc", "gd")) {
            spec.putObject(section);
        }
        Map<String, String> labels = new HashMap<>();
        labels.put(JobFields.NAME.path(), "the job name from the file name");
        labels.put("sweep", "the authors' config");
        Map<String, JsonNode> perPoint = new LinkedHashMap<>();
        for (Map.Entry<String, Field> e : MAPPED.entrySet()) {
            String key = e.getKey();
            Field field = e.getValue();
            labels.put(field.path(), key);
            JsonNode v = f.raw(key);
            if (field == JobFields.LR || field == JobFields.INIT_SCALE) {
                perPoint.put(key, v); // their shape needs the sweep's size, checked below
                continue;
            }
            if (field == JobFields.ACTIVATION && v != null) {
                v = JsonNodeFactory.instance.textNode(
                        Activation.Kind.values()[ACTIVATION_NAMES.indexOf(ACTIVATION.read(f))].specName());
            } else if (field == JobFields.EPOCHS && (v == null || v.isArray())) {
                String allowed = JobFields.EPOCH_COUNT.allowed();
                throw new SpecException(v == null ? "missing required field " + key + " (" + allowed + ")"
                        : key + " must be " + allowed + ", got a list");
            }
            if (v != null) {
                put(spec, field.path(), v);
            }
        }
        batchSizes(f.raw(BATCH_SIZES));
        LOG_PERIOD.read(f);
        PRINT_PERIOD.read(f);
        VERBOSE.read(f);
        RESULTS_DIR.read(f);
        FIGURES_DIR.read(f);
        f.finish();
        UnaryOperator<String> label = path -> labels.getOrDefault(path, path);
        // The sweep as the validator reads it (its errors first, in the authors' keys), for its size.
        Sweep sweep = SpecParser.sweep(new Fields(spec.get("sweep"), "sweep", label));
        for (Map.Entry<String, JsonNode> e : perPoint.entrySet()) {
            String key = e.getKey();
            Field field = MAPPED.get(key);
            JsonNode v = authorsList(key, e.getValue(), sweep);
            if (v.size() == 1) {
                v = v.get(0); // one for every point: our single value
                labels.put(field.path(), key + "[0]");
            }
            put(spec, field.path(), v);
        }
        return new Translation(spec, label);
    }

    private static void put(ObjectNode spec, String path, JsonNode v) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            spec.set(path, v);
        } else {
            ((ObjectNode) spec.get(path.substring(0, dot))).set(path.substring(dot + 1), v);
        }
    }

    /**
     * gd_lrs and gd_init_scales are lists, of one value for every point or of one per point (the
     * authors' shape); their values are ours to check.
     */
    private static JsonNode authorsList(String key, JsonNode v, Sweep sweep) {
        int points = sweep.values().size();
        String allowed = "a list of one number > 0, or of one per " + sweep.axis().name().toLowerCase() + " ("
                + points + ")";
        if (v == null) {
            throw new SpecException("missing required field " + key + " (" + allowed + ")");
        }
        if (!v.isArray() || (v.size() != 1 && v.size() != points)) {
            throw new SpecException(key + " must be " + allowed + ", got "
                    + (v.isArray() ? "a list of " + v.size() : Fields.describe(v)));
        }
        return v;
    }

    /**
     * gnc_batch_sizes: a non-empty list of integers >= 1, of any length (the published width
     * configs list 8 for 6 widths); ignored.
     */
    private static void batchSizes(JsonNode v) {
        if (v == null) {
            return;
        }
        if (!v.isArray() || v.isEmpty()) {
            throw new SpecException(BATCH_SIZES + " must be a non-empty list of integers >= 1, got "
                    + Fields.describe(v));
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode x = v.get(i);
            boolean whole = x.isIntegralNumber() ? x.canConvertToLong()
                    : x.isNumber() && Double.isFinite(x.asDouble()) && x.asDouble() == Math.rint(x.asDouble());
            if (!whole || x.asDouble() < 1) {
                throw new SpecException(BATCH_SIZES + "[" + i + "] must be an integer >= 1, got " + Fields.describe(x));
            }
        }
    }
}
