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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and validates a job spec (README, "Job spec"). Every problem is found here, before any
 * Spark work starts, and reported as one line naming the field and what it allows.
 */
public final class SpecParser {
    static final int MAX_SIDE = 32;
    static final int MAX_WIDTH = 4096;
    static final int MAX_DEPTH = 1000;
    public static final int MAX_SEEDS = 100_000;
    public static final long MAX_DRAWS = 1_000_000_000_000_000L;
    static final int DEFAULT_BLOCK_SIZE = 1_000_000;
    static final int DEFAULT_SEEDS = 8;
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
            text = Files.readString(file);
        } catch (IOException | SecurityException e) {
            throw new SpecException("cannot read spec file " + file + ": " + reason(e));
        }
        String base = file.getFileName().toString().replaceFirst("\\.json$", "");
        try {
            return parse(text, base);
        } catch (SpecException e) {
            throw new SpecException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses spec text; defaultName names the job when the spec has no name. */
    public static JobSpec parse(String text, String defaultName) {
        return resolve(readTree(text), defaultName);
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

    private static JobSpec resolve(JsonNode root, String defaultName) {
        Fields top = new Fields(root, "");
        String name = top.string("name", defaultName);
        if (!name.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new SpecException("name must be 1 to 100 letters, digits, '.', '_' or '-' (it names the run"
                    + " directory), got \"" + name + "\"");
        }
        String description = top.string("description", "");
        ProblemSettings problem = problem(top.object("problem"));
        Activation activation = model(top.object("model"));
        Fields sweepFields = top.object("sweep");
        if (sweepFields == null) {
            throw top.missing("sweep", "an object with widths and depth, or depths and width");
        }
        Sweep sweep = sweep(sweepFields);
        Fields gnc = top.object("gnc");
        if (gnc == null) {
            throw top.missing("gnc", "an object with at least eps and draws");
        }
        String priorName = gnc.choice("prior", Prior.specNames(), Prior.GAUSS.specName());
        boolean normalize = gnc.bool("normalize", false);
        double softening = gnc.has("softening")
                ? nonNegative(gnc, "softening") : GncSettings.DEFAULT_SOFTENING;
        double eps = gnc.positive("eps", 0.0, Double.MAX_VALUE, null);
        long draws = gnc.integer("draws", 1, MAX_DRAWS, null);
        int blockSize = (int) gnc.integer("block_size", 1, 1_000_000_000, (long) DEFAULT_BLOCK_SIZE);
        String samplerName = gnc.choice("sampler", SamplerKind.specNames(), SamplerKind.AUTO.specName());
        gnc.finish();
        int seeds = (int) top.integer("seeds", 1, MAX_SEEDS, (long) DEFAULT_SEEDS);
        top.finish();
        JobSpec spec = new JobSpec(name, description, problem, activation, sweep,
                new GncSettings(Prior.bySpecName(priorName), normalize, softening, SamplerKind.bySpecName(samplerName)),
                eps, draws, blockSize, seeds);
        checkSampler(spec);
        checkPlanSize(spec);
        return spec;
    }

    private static ProblemSettings problem(Fields f) {
        ProblemSettings d = ProblemSettings.PAPER;
        if (f == null) {
            return d;
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
        return new ProblemSettings(rows, cols, rank, norm, (int) measurements, completion);
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

    private static double nonNegative(Fields f, String name) {
        double v = f.finite(name, 0.0);
        if (v < 0) {
            throw new SpecException(f.path(name) + " must be a finite number >= 0, got " + v);
        }
        return v;
    }

    /** Rejects gnc.sampler "reduced" where the reduced sampler is not exact (see SamplerKind). */
    private static void checkSampler(JobSpec s) {
        if (s.gnc().sampler() != SamplerKind.REDUCED) {
            return;
        }
        for (SweepPoint p : s.sweep().points()) {
            String reason = SamplerKind.reducedInexactReason(s.model(p), s.gnc().prior());
            if (reason != null) {
                throw new SpecException("gnc.sampler \"reduced\" is not exact at width " + p.width() + ", depth "
                        + p.depth() + ": " + reason + " (use \"auto\", which draws directly there, or \"direct\")");
            }
        }
    }

    /** Rejects plans with more work units than the driver should hold. */
    public static void checkPlanSize(JobSpec s) {
        long blocksPerTrial = (s.draws() + s.blockSize() - 1) / s.blockSize();
        double units = (double) blocksPerTrial * s.seeds() * s.sweep().values().size();
        if (units > MAX_UNITS) {
            throw new SpecException("gnc.block_size " + s.blockSize() + " cuts the job into " + (long) units
                    + " work units, more than " + MAX_UNITS + ": raise gnc.block_size");
        }
    }

    private static String reason(Exception e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
