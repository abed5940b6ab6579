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
        root.set("problem", problem(s.problem()));
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
        gnc.put("prior", s.gnc().prior().specName());
        gnc.put("normalize", s.gnc().normalize());
        gnc.put("softening", s.gnc().softening());
        gnc.put("eps", s.eps());
        gnc.put("draws", s.draws());
        gnc.put("block_size", s.blockSize());
        gnc.put("sampler", s.gnc().sampler().specName());
        root.put("seeds", s.seeds());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The problem settings on one line, canonical: the identity of a family of data sets. */
    static String problemText(ProblemSettings p) {
        return problem(p).toString();
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
