package gnc.bench;

import gnc.kernel.SamplerKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One single-thread G&C throughput measurement of {@code gnc bench}; cpu is the share of the wall
 * time the measuring thread was running (near 1 on a quiet machine; lower when other processes
 * took the core, which lowers draws_per_s).
 */
public record Figure(int width, int depth, String activation, SamplerKind sampler, double drawsPerSecond,
                     double rngShare, double cpu) {

    /** The line scripts read, e.g. {@code depth=2 width=5 activation=linear sampler=reduced draws_per_s=...}. */
    public String line() {
        return String.format("depth=%d width=%d activation=%s sampler=%s draws_per_s=%.0f rng_share=%.2f cpu=%.2f",
                depth, width, activation, sampler.specName(), drawsPerSecond, rngShare, cpu);
    }

    /** The figure a {@link #line()} prints. */
    static Figure parse(String line) {
        Map<String, String> v = new HashMap<>();
        for (String pair : line.trim().split(" ")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("not a bench line: " + line);
            }
            v.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        try {
            return new Figure(Integer.parseInt(v.get("width")), Integer.parseInt(v.get("depth")), v.get("activation"),
                    SamplerKind.bySpecName(v.get("sampler")), Double.parseDouble(v.get("draws_per_s")),
                    Double.parseDouble(v.get("rng_share")), Double.parseDouble(v.get("cpu")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a bench line: " + line, e);
        }
    }

    /** The figure of that configuration among figures, or null when it was not measured. */
    public static Figure find(List<Figure> figures, String activation, SamplerKind sampler, int width, int depth) {
        for (Figure f : figures) {
            if (f.activation().equals(activation) && f.sampler() == sampler && f.width() == width && f.depth() == depth) {
                return f;
            }
        }
        return null;
    }
}
