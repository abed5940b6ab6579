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
import java.util.function.UnaryOperator;

/**
 * Reads and validates a job spec (README, "Job spec"), or one of the paper's authors' configs
 * ({@link AuthorsConfig}, translated into a job spec first). The command line's overrides are
 * written into the spec before it is validated ({@link Overrides}); then every field is read
 * through its declaration in {@link JobFields}. Every problem is found here, before any Spark
 * work starts, and reported as one line naming the field and what it allows.
 */
public final class SpecParser {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SpecParser() {
    }

    /** Parses a spec file; the file name (without .json) is the default job name. */
    public static JobSpec parse(Path file) {
        return parse(file, Overrides.NONE);
    }

    /** Parses a spec file with the command line's overrides applied before validation. */
    public static JobSpec parse(Path file, Overrides overrides) {
        String text;
        try {
            text = FileBytes.readText(file, FileBytes.MAX_SPEC_BYTES, "spec file");
        } catch (IOException | SecurityException e) {
            throw new SpecException("cannot read spec file " + file + ": " + reason(e));
        }
        String base = file.getFileName().toString().replaceFirst("\\.json$", "");
        Path dir = file.toAbsolutePath().getParent();
        try {
            return resolve(readTree(text), base, dir, overrides);
        } catch (SpecException e) {
            throw new SpecException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses spec text; defaultName names the job when the spec has no name, and a relative
     * problem.file is taken from the working directory.
     */
    public static JobSpec parse(String text, String defaultName) {
        return resolve(readTree(text), defaultName, Path.of("").toAbsolutePath(), Overrides.NONE);
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

    /** A job spec, or an authors' config translated into one; then the overrides; then validation. */
    private static JobSpec resolve(JsonNode root, String defaultName, Path baseDir, Overrides overrides) {
        JsonNode spec = root;
        UnaryOperator<String> labels = UnaryOperator.identity();
        if (AuthorsConfig.recognises(root)) {
            AuthorsConfig.Translation t = AuthorsConfig.translate(root, defaultName);
            spec = t.spec();
            labels = t.labels();
        }
        overrides.applyTo(spec);
        return validate(new Fields(spec, "", overrides.labels(labels)), defaultName, baseDir);
    }

    private static JobSpec validate(Fields top, String defaultName, Path baseDir) {
        String given = JobFields.NAME.read(top);
        String name = given != null ? given : JobFields.NAME.check(top, defaultName);
        String description = JobFields.DESCRIPTION.read(top);
        ProblemSource problem = problem(top.object("problem"), baseDir);
        Activation activation = model(top.object("model"));
        Fields sweepFields = top.object("sweep");
        if (sweepFields == null) {
            throw new SpecException("missing required field " + top.label("sweep")
                    + " (an object with widths and depth, or depths and width)");
        }
        Sweep sweep = sweep(sweepFields);
        Fields gnc = top.object("gnc");
        if (gnc == null) {
            throw new SpecException("missing required field " + top.label("gnc")
                    + " (an object with at least eps, and draws for plain G&C)");
        }
        List<String> methods = JobFields.METHODS.read(gnc);
        boolean plain = methods.contains(GncSpec.PLAIN);
        String priorName = JobFields.PRIOR.read(gnc);
        boolean normalize = JobFields.NORMALIZE.read(gnc);
        double softening = JobFields.SOFTENING.read(gnc);
        double eps = JobFields.EPS.read(gnc);
        for (Field plainOnly : JobFields.PLAIN_ONLY) {
            if (!plain && gnc.has(plainOnly)) {
                String field = gnc.label(plainOnly.path());
                throw new SpecException(field + " applies to plain G&C only: add \"gnc\" to "
                        + gnc.label(JobFields.METHODS.path()) + " or remove " + field);
            }
        }
        long draws = plain ? JobFields.DRAWS.read(gnc) : 0;
        int blockSize = (int) JobFields.BLOCK_SIZE.read(gnc);
        double keep = JobFields.KEEP_THRESHOLD.read(gnc, eps);
        int keepCap = (int) JobFields.KEEP_CAP.read(gnc);
        String samplerName = JobFields.SAMPLER.read(gnc);
        gnc.finish();
        SubsetSpec subset = subset(top.object("subset"), methods.contains(GncSpec.SUBSET), top);
        SplittingSpec splitting = splitting(top.object("splitting"), methods.contains(GncSpec.SPLITTING), top);
        CurveSpec curve = curve(top.object("curve"), top);
        GdSpec gd = gd(top.object("gd"), sweep.values().size());
        int seeds = (int) JobFields.SEEDS.read(top);
        top.finish();
        checkSeeds(problem, seeds, top);
        GncSettings sampling = new GncSettings(Prior.bySpecName(priorName), normalize, softening,
                SamplerKind.bySpecName(samplerName));
        GncSpec g = new GncSpec(methods, sampling, eps, draws, blockSize, keep, keepCap);
        JobSpec spec = new JobSpec(name, description == null ? "" : description, problem, activation, sweep, g, gd,
                subset, splitting, curve, seeds);
        checkSampler(spec, top);
        CurveChecks.check(spec, top);
        checkPlanSize(spec, top);
        return spec;
    }

    private static ProblemSource problem(Fields f, Path baseDir) {
        if (f == null) {
            return ProblemSource.of(ProblemSettings.PAPER);
        }
        if (f.has(JobFields.PROBLEM_FILE)) {
            return problemFile(f, baseDir);
        }
        int rows = (int) JobFields.ROWS.read(f);
        int cols = (int) JobFields.COLS.read(f);
        int rank = (int) JobFields.RANK.read(f, Math.min(rows, cols));
        double norm = JobFields.GT_NORM.read(f);
        boolean completion = JobFields.COMPLETION.read(f);
        int measurements = (int) JobFields.MEASUREMENTS.read(f, (long) rows * cols - 1);
        f.finish();
        return ProblemSource.of(new ProblemSettings(rows, cols, rank, norm, measurements, completion));
    }

    /** problem.file (relative to the spec's folder), optionally pinned by its sha256; nothing else. */
    private static ProblemSource problemFile(Fields f, Path baseDir) {
        Path path = baseDir.resolve(JobFields.PROBLEM_FILE.read(f));
        String pinned = JobFields.PROBLEM_SHA256.read(f);
        try {
            f.finish();
        } catch (SpecException e) {
            throw new SpecException(e.getMessage().replaceFirst("\\(problem takes: .*\\)",
                    "(with problem.file, the file gives the data sets: problem takes only file and sha256)"));
        }
        ProblemFile file = ProblemFile.read(path);
        if (pinned != null && !pinned.equals(file.sha256())) {
            throw new SpecException(f.label(JobFields.PROBLEM_SHA256.path()) + " is " + pinned + " but " + path
                    + " now has sha256 " + file.sha256() + ": the file changed since the spec was resolved");
        }
        return ProblemSource.of(file);
    }

    private static Activation model(Fields f) {
        if (f == null) {
            return Activation.linear();
        }
        String kind = JobFields.ACTIVATION.read(f);
        double slope = JobFields.NEGATIVE_SLOPE.read(f);
        f.finish();
        return Activation.of(Activation.Kind.bySpecName(kind), slope);
    }

    /** widths with one depth, or depths with one width; the other fixed value is an error. */
    static Sweep sweep(Fields f) {
        boolean widths = f.has(JobFields.WIDTHS);
        boolean depths = f.has(JobFields.DEPTHS);
        if (widths == depths) {
            throw new SpecException(f.label() + " must give either widths (a list, with one depth) or depths"
                    + " (a list, with one width)" + (widths ? ", not both" : ""));
        }
        Field.IntList list = widths ? JobFields.WIDTHS : JobFields.DEPTHS;
        Field.Int fixed = widths ? JobFields.DEPTH : JobFields.WIDTH;
        Field.Int other = widths ? JobFields.WIDTH : JobFields.DEPTH;
        if (f.has(other)) {
            Field.IntList otherList = widths ? JobFields.DEPTHS : JobFields.WIDTHS;
            throw new SpecException(f.label(other.path()) + " is the fixed " + other.name() + " of a sweep over "
                    + otherList.name() + " (" + f.label(otherList.path()) + " and " + f.label(other.path())
                    + "); a sweep over " + list.name() + " gives " + f.label(list.path()) + " and "
                    + f.label(fixed.path()));
        }
        List<Integer> values = list.read(f);
        int at = (int) fixed.read(f);
        f.finish();
        return widths ? Sweep.widths(values, at) : Sweep.depths(values, at);
    }

    /** The subset section (defaults when absent), or null when subset simulation does not run. */
    private static SubsetSpec subset(Fields f, boolean runs, Fields top) {
        if (!runs) {
            if (f != null) {
                throw new SpecException(top.label("subset") + " applies to subset simulation only: add \"subset\" to "
                        + top.label(JobFields.METHODS.path()) + " or remove the subset section");
            }
            return null;
        }
        if (f == null) {
            f = new Fields(MAPPER.createObjectNode(), "subset", top::label);
        }
        int replicas = (int) JobFields.REPLICAS.read(f);
        int samples = (int) JobFields.SAMPLES.read(f);
        double p0 = JobFields.P0.read(f);
        int moves = (int) JobFields.MOVES_PER_STATE.read(f);
        int levels = (int) JobFields.MAX_LEVELS.read(f);
        double rho = JobFields.INITIAL_RHO.read(f);
        double target = JobFields.TARGET_ACCEPTANCE.read(f);
        f.finish();
        double chains = samples * p0;
        if (Math.abs(chains - Math.rint(chains)) > 1e-9 * chains || Math.rint(chains) < 1) {
            throw new SpecException(f.label(JobFields.SAMPLES.path()) + " * " + f.label(JobFields.P0.path())
                    + " must be a whole number >= 1 (the chains per level), got " + samples + " * " + p0);
        }
        return new SubsetSpec(replicas, new SubsetSettings(samples, p0, moves, levels, rho, target));
    }

    /** The splitting section (defaults when absent), or null when splitting does not run. */
    private static SplittingSpec splitting(Fields f, boolean runs, Fields top) {
        if (!runs) {
            if (f != null) {
                throw new SpecException(top.label("splitting") + " applies to splitting only: add \"splitting\" to "
                        + top.label(JobFields.METHODS.path()) + " or remove the splitting section");
            }
            return null;
        }
        if (f == null) {
            f = new Fields(MAPPER.createObjectNode(), "splitting", top::label);
        }
        int replicas = (int) JobFields.SPLITTING_REPLICAS.read(f);
        int particles = (int) JobFields.PARTICLES.read(f);
        double killFraction = JobFields.KILL_FRACTION.read(f);
        int moves = (int) JobFields.MOVES.read(f);
        long maxEvaluations = JobFields.MAX_EVALUATIONS.read(f);
        f.finish();
        return SplittingSpec.of(replicas, particles, killFraction, moves, maxEvaluations);
    }

    /** The curve section (every field has a default; the grid itself is checked per point by CurveChecks). */
    private static CurveSpec curve(Fields f, Fields top) {
        if (f == null) {
            f = new Fields(MAPPER.createObjectNode(), "curve", top::label);
        }
        Double max = JobFields.EPS_MAX.readOrNull(f);
        Double min = JobFields.EPS_MIN.readOrNull(f);
        int perDecade = (int) JobFields.POINTS_PER_DECADE.read(f);
        f.finish();
        return new CurveSpec(max, min, perDecade);
    }

    /** The gd section, or null when absent: lr, epochs, init_scale (each one value or one per point), momentum. */
    private static GdSpec gd(Fields f, int points) {
        if (f == null) {
            return null;
        }
        List<Double> lrs = JobFields.LR.read(f, points);
        List<Long> epochs = JobFields.EPOCHS.read(f, points);
        List<Double> scales = JobFields.INIT_SCALE.read(f, points);
        double momentum = JobFields.MOMENTUM.read(f);
        f.finish();
        return new GdSpec(lrs, epochs, scales, momentum);
    }

    /** A problem file must hold an instance for every seed. */
    private static void checkSeeds(ProblemSource problem, int seeds, Fields top) {
        if (problem.file() != null && seeds > problem.file().instances().size()) {
            throw new SpecException(top.label(JobFields.SEEDS.path()) + " is " + seeds + " but "
                    + top.label(JobFields.PROBLEM_FILE.path()) + " holds " + problem.file().instances().size()
                    + " instances (seed s uses instance s)");
        }
    }

    /** Rejects gnc.sampler "reduced" where the reduced sampler is not exact (see SamplerKind). */
    private static void checkSampler(JobSpec s, Fields top) {
        GncSettings g = s.gnc().sampling();
        if (g.sampler() != SamplerKind.REDUCED) {
            return;
        }
        for (SweepPoint p : s.sweep().points()) {
            String reason = SamplerKind.reducedInexactReason(s.model(p), g.prior());
            if (reason != null) {
                throw new SpecException(top.label(JobFields.SAMPLER.path()) + " \"reduced\" is not exact at width "
                        + p.width() + ", depth " + p.depth() + ": " + reason
                        + " (use \"auto\", which draws directly there, or \"direct\")");
            }
        }
    }

    /** Rejects plans with more work units than the driver should hold. */
    private static void checkPlanSize(JobSpec s, Fields top) {
        double perTrial = s.gnc().blocksPerTrial() + (s.subset() == null ? 0 : s.subset().replicas())
                + (s.splitting() == null ? 0 : s.splitting().replicas())
                + (s.gd() == null ? 0 : 1);
        double units = perTrial * s.seeds() * s.sweep().values().size();
        if (units > JobFields.MAX_UNITS) {
            String blockSize = top.label(JobFields.BLOCK_SIZE.path());
            throw new SpecException(blockSize + " " + s.gnc().blockSize() + " cuts the job into " + (long) units
                    + " work units, more than " + Numbers.text(JobFields.MAX_UNITS) + ": raise " + blockSize);
        }
    }

    private static String reason(Exception e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
