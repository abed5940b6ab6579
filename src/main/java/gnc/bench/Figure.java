package gnc.bench;

import gnc.kernel.SamplerKind;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One single-thread G&C throughput measurement of {@code gnc bench}: drawsPerSecond of the kernel
 * G&C runs with (kernel: lanes or scalar, see gnc.kernel.Lanes), scalarDrawsPerSecond of the
 * one-draw-at-a-time kernel on the same cell in the same JVM, just before (equal to it when the
 * cell draws with that kernel anyway); rngShare is the scalar kernel's; cpu is the share of the
 * wall time the measuring thread was running (near 1 on a quiet machine; lower when other
 * processes took the core, which lowers draws_per_s).
 */
public record Figure(int width, int depth, String activation, SamplerKind sampler, String kernel,
                     double drawsPerSecond, double scalarDrawsPerSecond, double rngShare, double cpu) {

    /** The ratio to the scalar kernel, measured in one run. */
    public double vsScalar() {
        return drawsPerSecond / scalarDrawsPerSecond;
    }

    /**
     * The line scripts read, e.g. {@code depth=2 width=5 activation=linear sampler=direct kernel=lanes
     * draws_per_s=... scalar_draws_per_s=... vs_scalar=2.10 rng_share=... cpu=...}.
     */
    public String line() {
        return String.format("depth=%d width=%d activation=%s sampler=%s kernel=%s draws_per_s=%.0f"
                        + " scalar_draws_per_s=%.0f vs_scalar=%.2f rng_share=%.2f cpu=%.2f",
                depth, width, activation, sampler.specName(), kernel, drawsPerSecond, scalarDrawsPerSecond,
                vsScalar(), rngShare, cpu);
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
                    SamplerKind.bySpecName(v.get("sampler")), v.get("kernel"), Double.parseDouble(v.get("draws_per_s")),
                    Double.parseDouble(v.get("scalar_draws_per_s")), Double.parseDouble(v.get("rng_share")),
                    Double.parseDouble(v.get("cpu")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a bench line: " + line, e);
        }
    }

    /**
     * One cell's figure from several forks' figures of it ({@code gnc bench --repeats}): the median
     * of each rate and of rngShare (the mean of the middle two for an even count), and the least cpu,
     * which says how much the busiest fork lost the core. Refuses no figures, and figures of
     * different cells (width, depth, activation, sampler, kernel).
     */
    public static Figure median(List<Figure> figures) {
        if (figures.isEmpty()) {
            throw new IllegalArgumentException("no figures to take the median of");
        }
        Figure first = figures.get(0);
        for (Figure f : figures) {
            if (f.width != first.width || f.depth != first.depth || !f.activation.equals(first.activation)
                    || f.sampler != first.sampler || !f.kernel.equals(first.kernel)) {
                throw new IllegalArgumentException("figures of different cells: " + first.line() + " and " + f.line());
            }
        }
        return new Figure(first.width, first.depth, first.activation, first.sampler, first.kernel,
                median(figures.stream().mapToDouble(Figure::drawsPerSecond).toArray()),
                median(figures.stream().mapToDouble(Figure::scalarDrawsPerSecond).toArray()),
                median(figures.stream().mapToDouble(Figure::rngShare).toArray()),
                figures.stream().mapToDouble(Figure::cpu).min().getAsDouble());
    }

    private static double median(double[] xs) {
        Arrays.sort(xs);
        int mid = xs.length / 2;
        return xs.length % 2 == 1 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
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
