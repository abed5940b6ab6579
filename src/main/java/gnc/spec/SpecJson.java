package gnc.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gnc.kernel.Activation;
import gnc.kernel.ProblemSettings;

/**
 * The resolved spec as JSON in the spec file format, every field present, in a fixed order:
 * what a run directory records, and the text its hash is taken of. Parsing it gives the same
 * spec back.
 */
public final class SpecJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SpecJson() {
    }

    public static String write(JobSpec s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", s.name());
        root.put("description", s.description());
        root.set("problem", s.problem().generated() != null ? problem(s.problem().generated()) : file(s.problem().file()));
        ObjectNode model = root.putObject("model");
        model.put("activation", s.activation().kind().specName());
        if (s.activation().kind() == Activation.Kind.LEAKY_RELU) {
            model.put("negative_slope", s.activation().negativeSlope());
        }
        ObjectNode sweep = root.putObject("sweep");
        boolean widths = s.sweep().axis() == Sweep.Axis.WIDTH;
        s.sweep().values().forEach(sweep.putArray(widths ? "widths" : "depths")::add);
        sweep.put(widths ? "depth" : "width", s.sweep().fixed());
        ObjectNode gnc = root.putObject("gnc");
        GncSpec g = s.gnc();
        g.methods().forEach(gnc.putArray("methods")::add);
        gnc.put("prior", g.sampling().prior().specName());
        gnc.put("normalize", g.sampling().normalize());
        gnc.put("softening", g.sampling().softening());
        gnc.put("eps", g.eps());
        if (g.runs(GncSpec.PLAIN)) {
            gnc.put("draws", g.draws());
            gnc.put("block_size", g.blockSize());
            gnc.put("keep_threshold", g.keepThreshold());
            gnc.put("keep_cap", g.keepCap());
            gnc.put("sampler", g.sampling().sampler().specName());
        }
        if (s.subset() != null) {
            ObjectNode sub = root.putObject("subset");
            var t = s.subset().settings();
            sub.put("replicas", s.subset().replicas());
            sub.put("samples", t.samplesPerLevel());
            sub.put("p0", t.levelProbability());
            sub.put("moves_per_state", t.movesPerState());
            sub.put("max_levels", t.maxLevels());
            sub.put("initial_rho", t.initialRho());
            sub.put("target_acceptance", t.targetAcceptance());
        }
        if (s.splitting() != null) {
            ObjectNode sp = root.putObject("splitting");
            var t = s.splitting().settings();
            sp.put("replicas", s.splitting().replicas());
            sp.put("particles", t.particles());
            sp.put("kill_fraction", t.killFraction());
            sp.put("moves", t.movesPerRung());
            sp.put("max_evaluations", t.maxEvaluations());
        }
        // The curve section of a plain run at its defaults stays out: the text hashes to the run
        // directory's name, which runs from before the section existed keep.
        CurveSpec c = s.curve();
        if (s.splitting() != null || !c.equals(CurveSpec.DEFAULT)) {
            ObjectNode curve = root.putObject("curve");
            if (c.epsMax() != null) {
                curve.put("eps_max", c.epsMax());
            }
            if (c.epsMin() != null) {
                curve.put("eps_min", c.epsMin());
            }
            curve.put("points_per_decade", c.pointsPerDecade());
        }
        if (s.gd() != null) {
            ObjectNode gd = root.putObject("gd");
            GdSpec d = s.gd();
            putList(gd, "lr", d.learningRates());
            putList(gd, "epochs", d.epochs());
            putList(gd, "init_scale", d.initScales());
            gd.put("momentum", d.momentum());
        }
        root.put("seeds", s.seeds());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A single value as a number, several as a list. */
    private static void putList(ObjectNode o, String name, java.util.List<? extends Number> values) {
        if (values.size() == 1) {
            o.set(name, MAPPER.valueToTree(values.get(0)));
        } else {
            values.forEach(v -> o.withArray(name).add(MAPPER.valueToTree(v)));
        }
    }

    /** The problem settings on one line, canonical: the identity of a family of data sets. */
    static String problemText(ProblemSettings p) {
        return problem(p).toString();
    }

    private static ObjectNode file(ProblemFile f) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("file", f.path());
        o.put("sha256", f.sha256());
        return o;
    }

    private static ObjectNode problem(ProblemSettings p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("rows", p.rows());
        o.put("cols", p.cols());
        o.put("rank", p.rank());
        o.put("gt_norm", p.groundTruthNorm());
        o.put("measurements", p.measurements());
        o.put("completion", p.completion());
        return o;
    }
}
