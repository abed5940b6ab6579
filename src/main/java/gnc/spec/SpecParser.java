package gnc.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import gnc.kernel.Activation;
import gnc.kernel.GncSettings;
import gnc.kernel.Prior;
import gnc.kernel.ProblemSettings;
import gnc.kernel.SamplerKind;
import gnc.kernel.SubsetSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and validates a job spec (README, "Job spec"), or one of the paper's authors' configs
 * ({@link AuthorsConfig}). Every problem is found here, before any Spark work starts, and
 * reported as one line naming the field and what it allows.
 */
public final class SpecParser {
    static final int MAX_SIDE = 32;
    static final int MAX_WIDTH = 4096;
    static final int MAX_DEPTH = 1000;
    public static final int MAX_SEEDS = 100_000;
    public static final long MAX_DRAWS = 1_000_000_000_000_000L;
    static final int DEFAULT_BLOCK_SIZE = 1_000_000;
    static final int DEFAULT_SEEDS = 8;
    /** Kept draws written per block: bounds the accepted table at keep_cap rows per block. */
    static final int DEFAULT_KEEP_CAP = 10_000;
    static final int MAX_KEEP_CAP = 10_000_000;
    public static final long MAX_EPOCHS = 1_000_000_000L;
    /** Work units a job may plan; more would crowd the driver: raise block_size instead. */
    static final long MAX_UNITS = 10_000_000L;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SpecParser() {
    }

    /** Parses a spec file; the file name (without .json) is the default job name. */
    public static JobSpec parse(Path file) {
        String text;
        try {
            text = FileBytes.readText(file, FileBytes.MAX_SPEC_BYTES, "spec file");
        } catch (IOException | SecurityException e) {
            throw new SpecException("cannot read spec file " + file + ": " + reason(e));
        }
        String base = file.getFileName().toString().replaceFirst("\\.json$", "");
        Path dir = file.toAbsolutePath().getParent();
        try {
            return resolve(readTree(text), base, dir);
        } catch (SpecException e) {
            throw new SpecException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses spec text; defaultName names the job when the spec has no name, and a relative
     * problem.file is taken from the working directory.
     */
    public static JobSpec parse(String text, String defaultName) {
        return resolve(readTree(text), defaultName, Path.of("").toAbsolutePath());
    }

    static JsonNode readTree(String text) {
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new SpecException("the spec is empty: expected a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new SpecException("not valid JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    /** A job spec, or an authors' config (recognised by its keys; see {@link AuthorsConfig}). */
    private static JobSpec resolve(JsonNode root, String defaultName, Path baseDir) {
        if (AuthorsConfig.recognises(root)) {
            return AuthorsConfig.resolve(root, defaultName);
        }
        Fields top = new Fields(root, "");
        String name = top.string("name", defaultName);
        if (!name.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new SpecException("name must be 1 to 100 letters, digits, '.', '_' or '-' (it names the run"
                    + " directory), got \"" + name + "\"");
        }
        String description = top.string("description", "");
        ProblemSource problem = problem(top.object("problem"), baseDir);
        Activation activation = model(top.object("model"));
        Fields sweepFields = top.object("sweep");
        if (sweepFields == null) {
            throw top.missing("sweep", "an object with widths and depth, or depths and width");
        }
        Sweep sweep = sweep(sweepFields);
        Fields gnc = top.object("gnc");
        if (gnc == null) {
            throw top.missing("gnc", "an object with at least eps, and draws for plain G&C");
        }
        List<String> methods = gnc.has("methods") ? methods(gnc) : List.of(GncSpec.PLAIN);
        boolean plain = methods.contains(GncSpec.PLAIN);
        String priorName = gnc.choice("prior", Prior.specNames(), Prior.GAUSS.specName());
        boolean normalize = gnc.bool("normalize", false);
        double softening = gnc.has("softening")
                ? nonNegative(gnc, "softening") : GncSettings.DEFAULT_SOFTENING;
        double eps = gnc.positive("eps", 0.0, Double.MAX_VALUE, null);
        for (String plainOnly : List.of("draws", "block_size", "keep_threshold", "keep_cap", "sampler")) {
            if (!plain && gnc.has(plainOnly)) {
                throw new SpecException(gnc.path(plainOnly) + " applies to plain G&C only: add \"gnc\" to gnc.methods"
                        + " or remove gnc." + plainOnly);
            }
        }
        long draws = plain ? gnc.integer("draws", 1, MAX_DRAWS, null) : 0;
        int blockSize = (int) gnc.integer("block_size", 1, 1_000_000_000, (long) DEFAULT_BLOCK_SIZE);
        double keep = gnc.has("keep_threshold") ? gnc.positive("keep_threshold", 0.0, Double.MAX_VALUE, null) : eps;
        if (keep < eps) {
            throw new SpecException(gnc.path("keep_threshold") + " must be >= gnc.eps = " + eps + ", got " + keep);
        }
        int keepCap = (int) gnc.integer("keep_cap", 0, MAX_KEEP_CAP, (long) DEFAULT_KEEP_CAP);
        String samplerName = gnc.choice("sampler", SamplerKind.specNames(), SamplerKind.AUTO.specName());
        gnc.finish();
        SubsetSpec subset = subset(top.object("subset"), methods.contains(GncSpec.SUBSET));
        GdSpec gd = gd(top.object("gd"), sweep.values().size());
        int seeds = (int) top.integer("seeds", 1, MAX_SEEDS, (long) DEFAULT_SEEDS);
        top.finish();
        checkSeeds(problem, seeds);
        GncSettings sampling = new GncSettings(Prior.bySpecName(priorName), normalize, softening,
                SamplerKind.bySpecName(samplerName));
        GncSpec g = new GncSpec(methods, sampling, eps, draws, blockSize, keep, keepCap);
        JobSpec spec = new JobSpec(name, description, problem, activation, sweep, g, gd, subset, seeds);
        checkSampler(spec);
        checkPlanSize(spec);
        return spec;
    }

    private static ProblemSource problem(Fields f, Path baseDir) {
        ProblemSettings d = ProblemSettings.PAPER;
        if (f == null) {
            return ProblemSource.of(d);
        }
        if (f.has("file")) {
            return problemFile(f, baseDir);
        }
        int rows = (int) f.integer("rows", 1, MAX_SIDE, (long) d.rows());
        int cols = (int) f.integer("cols", 1, MAX_SIDE, (long) d.cols());
        int minSide = Math.min(rows, cols);
        int rank = (int) f.integer("rank", 1, Long.MAX_VALUE, (long) d.rank());
        if (rank > minSide) {
            throw new SpecException(f.path("rank") + " must be in 1.." + minSide
                    + " (at most min(rows, cols)), got " + rank);
        }
        double norm = f.positive("gt_norm", 0.0, Double.MAX_VALUE, d.groundTruthNorm());
        boolean completion = f.bool("completion", d.completion());
        long measurements = f.integer("measurements", 1, Long.MAX_VALUE, (long) d.measurements());
        if (measurements >= (long) rows * cols) {
            throw new SpecException(f.path("measurements") + " must be in 1.." + (rows * cols - 1)
                    + " (fewer than rows * cols = " + rows * cols + ", so that a test set remains), got "
                    + measurements);
        }
        f.finish();
        return ProblemSource.of(new ProblemSettings(rows, cols, rank, norm, (int) measurements, completion));
    }

    /** problem.file (relative to the spec's folder), optionally pinned by its sha256; nothing else. */
    private static ProblemSource problemFile(Fields f, Path baseDir) {
        Path path = baseDir.resolve(f.string("file", null));
        String pinned = f.string("sha256", null);
        try {
            f.finish();
        } catch (SpecException e) {
            throw new SpecException(e.getMessage().replaceFirst("\\(problem takes: .*\\)",
                    "(with problem.file, the file gives the data sets: problem takes only file and sha256)"));
        }
        ProblemFile file = ProblemFile.read(path);
        if (pinned != null && !pinned.equals(file.sha256())) {
            throw new SpecException(f.path("sha256") + " is " + pinned + " but " + path + " now has sha256 "
                    + file.sha256() + ": the file changed since the spec was resolved");
        }
        return ProblemSource.of(file);
    }

    private static Activation model(Fields f) {
        if (f == null) {
            return Activation.linear();
        }
        String kind = f.choice("activation", Activation.Kind.specNames(), Activation.Kind.LINEAR.specName());
        double slope = f.finite("negative_slope", Activation.DEFAULT_NEGATIVE_SLOPE);
        f.finish();
        return Activation.of(Activation.Kind.bySpecName(kind), slope);
    }

    private static Sweep sweep(Fields f) {
        boolean widths = f.has("widths");
        boolean depths = f.has("depths");
        if (widths == depths) {
            throw new SpecException("sweep must give either widths (a list, with one depth) or depths"
                    + " (a list, with one width)" + (widths ? ", not both" : ""));
        }
        Sweep s;
        if (widths) {
            List<Integer> ws = f.integerList("widths", 1, MAX_WIDTH);
            if (!f.has("depth")) {
                throw f.missing("depth", "an integer in 2.." + MAX_DEPTH + ", the depth at every width");
            }
            s = Sweep.widths(ws, (int) f.integer("depth", 2, MAX_DEPTH, null));
        } else {
            List<Integer> ds = f.integerList("depths", 2, MAX_DEPTH);
            if (!f.has("width")) {
                throw f.missing("width", "an integer in 1.." + MAX_WIDTH + ", the width at every depth");
            }
            s = Sweep.depths(ds, (int) f.integer("width", 1, MAX_WIDTH, null));
        }
        f.finish();
        return s;
    }

    /** gnc.methods: a non-empty list of distinct names among gnc (plain G&C) and subset. */
    private static List<String> methods(Fields gnc) {
        List<String> allowed = List.of(GncSpec.PLAIN, GncSpec.SUBSET);
        String what = "a non-empty list of distinct methods among \"gnc\" (plain G&C) and \"subset\" (subset simulation)";
        com.fasterxml.jackson.databind.JsonNode v = gnc.raw("methods");
        if (!v.isArray() || v.isEmpty()) {
            throw new SpecException(gnc.path("methods") + " must be " + what + ", got " + Fields.describe(v));
        }
        List<String> out = new java.util.ArrayList<>();
        for (var item : v) {
            if (!item.isTextual() || !allowed.contains(item.asText()) || out.contains(item.asText())) {
                throw new SpecException(gnc.path("methods") + " must be " + what + ", got " + Fields.describe(v));
            }
            out.add(item.asText());
        }
        return out;
    }

    /** The subset section (defaults when absent), or null when subset simulation does not run. */
    private static SubsetSpec subset(Fields f, boolean runs) {
        if (!runs) {
            if (f != null) {
                throw new SpecException("subset applies to subset simulation only: add \"subset\" to gnc.methods or"
                        + " remove the subset section");
            }
            return null;
        }
        SubsetSettings d = SubsetSettings.DEFAULTS;
        if (f == null) {
            return new SubsetSpec(SubsetSpec.DEFAULT_REPLICAS, d);
        }
        int replicas = (int) f.integer("replicas", 1, 100_000, (long) SubsetSpec.DEFAULT_REPLICAS);
        int samples = (int) f.integer("samples", 2, 10_000_000, (long) d.samplesPerLevel());
        double p0 = f.has("p0") ? f.positive("p0", 0.0, 0.5, null) : d.levelProbability();
        int moves = (int) f.integer("moves_per_state", 1, 10_000, (long) d.movesPerState());
        int levels = (int) f.integer("max_levels", 1, 1_000, (long) d.maxLevels());
        double rho = f.has("initial_rho") ? f.finite("initial_rho", 0) : d.initialRho();
        if (rho < 0 || rho >= 1) {
            throw new SpecException(f.path("initial_rho") + " must be a number in [0, 1), got " + rho);
        }
        double target = f.has("target_acceptance") ? f.positive("target_acceptance", 0.0, 0.999, null)
                : d.targetAcceptance();
        f.finish();
        double chains = samples * p0;
        if (Math.abs(chains - Math.rint(chains)) > 1e-9 * chains || Math.rint(chains) < 1) {
            throw new SpecException("subset.samples * subset.p0 must be a whole number >= 1 (the chains per level), got "
                    + samples + " * " + p0);
        }
        return new SubsetSpec(replicas, new SubsetSettings(samples, p0, moves, levels, rho, target));
    }

    /** The gd section, or null when absent: lr, epochs, init_scale (each one value or one per point), momentum. */
    private static GdSpec gd(Fields f, int points) {
        if (f == null) {
            return null;
        }
        List<Double> lrs = f.perPoint("lr", points, 0.0, null);
        List<Long> epochs = f.perPointInteger("epochs", points, 1, MAX_EPOCHS);
        List<Double> scales = f.perPoint("init_scale", points, 0.0, null);
        double momentum = f.has("momentum") ? f.finite("momentum", 0.0) : 0.0;
        if (momentum < 0 || momentum >= 1) {
            throw new SpecException(f.path("momentum") + " must be a number in [0, 1), got " + momentum);
        }
        f.finish();
        return new GdSpec(lrs, epochs, scales, momentum);
    }

    private static double nonNegative(Fields f, String name) {
        double v = f.finite(name, 0.0);
        if (v < 0) {
            throw new SpecException(f.path(name) + " must be a finite number >= 0, got " + v);
        }
        return v;
    }

    /** A problem file must hold an instance for every seed. */
    public static void checkSeeds(ProblemSource problem, int seeds) {
        if (problem.file() != null && seeds > problem.file().instances().size()) {
            throw new SpecException("seeds is " + seeds + " but problem.file holds " + problem.file().instances().size()
                    + " instances (seed s uses instance s)");
        }
    }

    /** Rejects gnc.sampler "reduced" where the reduced sampler is not exact (see SamplerKind). */
    private static void checkSampler(JobSpec s) {
        GncSettings g = s.gnc().sampling();
        if (g.sampler() != SamplerKind.REDUCED) {
            return;
        }
        for (SweepPoint p : s.sweep().points()) {
            String reason = SamplerKind.reducedInexactReason(s.model(p), g.prior());
            if (reason != null) {
                throw new SpecException("gnc.sampler \"reduced\" is not exact at width " + p.width() + ", depth "
                        + p.depth() + ": " + reason + " (use \"auto\", which draws directly there, or \"direct\")");
            }
        }
    }

    /** Rejects plans with more work units than the driver should hold. */
    public static void checkPlanSize(JobSpec s) {
        double perTrial = s.gnc().blocksPerTrial() + (s.subset() == null ? 0 : s.subset().replicas())
                + (s.gd() == null ? 0 : 1);
        double units = perTrial * s.seeds() * s.sweep().values().size();
        if (units > MAX_UNITS) {
            throw new SpecException("gnc.block_size " + s.gnc().blockSize() + " cuts the job into " + (long) units
                    + " work units, more than " + MAX_UNITS + ": raise gnc.block_size");
        }
    }

    private static String reason(Exception e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
