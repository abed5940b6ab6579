package gnc.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The command line's settings of a spec (--draws, --epochs, --seeds; null: not given), which
 * take precedence over the job file. They are written into the spec's JSON before it is
 * validated, so the spec is validated once, as overridden; messages about an overridden field
 * name the option.
 */
public record Overrides(Long draws, Long epochs, Long seeds) {
    public static final Overrides NONE = new Overrides(null, null, null);

    /** Only the number of seeds. */
    public static Overrides seeds(Long seeds) {
        return new Overrides(null, null, seeds);
    }

    /** Field path -> option, for the options given. */
    private Map<String, String> options() {
        Map<String, String> m = new LinkedHashMap<>();
        if (draws != null) {
            m.put(JobFields.DRAWS.path(), "--draws");
        }
        if (epochs != null) {
            m.put(JobFields.EPOCHS.path(), "--epochs");
        }
        if (seeds != null) {
            m.put(JobFields.SEEDS.path(), "--seeds");
        }
        return m;
    }

    /** Labels that name an overridden field by its option, and every other field as before. */
    UnaryOperator<String> labels(UnaryOperator<String> before) {
        Map<String, String> options = options();
        return path -> options.getOrDefault(path, before.apply(path));
    }

    /**
     * Writes the overrides into a spec's JSON (in our format). A section that is absent stays
     * absent, so that validation reports it, except gd: --epochs needs one.
     */
    void applyTo(JsonNode root) {
        if (!(root instanceof ObjectNode spec)) {
            return;
        }
        if (seeds != null) {
            spec.put(JobFields.SEEDS.name(), seeds);
        }
        if (draws != null && spec.get("gnc") instanceof ObjectNode gnc) {
            gnc.put(JobFields.DRAWS.name(), draws);
        }
        if (epochs != null) {
            if (!(spec.get("gd") instanceof ObjectNode gd)) {
                throw new SpecException("--epochs needs a spec with a gd section (this one has none)");
            }
            gd.put(JobFields.EPOCHS.name(), epochs);
        }
    }
}
