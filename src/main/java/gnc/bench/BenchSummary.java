package gnc.bench;

import gnc.kernel.Prior;
import gnc.kernel.SamplerKind;
import java.io.PrintStream;
import java.util.List;

/**
 * The bench's human summary: each throughput target of the project (single thread, this machine)
 * with the measured figure (with {@code --repeats}, the cell's median figure: {@link Figure#median}),
 * and the authors' published code on the same machine for comparison.
 */
public final class BenchSummary {
    private BenchSummary() {
    }

    /** Prints the summary of figures and (when measured, else null) the Spark figure. */
    public static void print(List<Figure> figures, SparkBench.Result spark, PrintStream out) {
        out.println();
        out.println("summary (single thread unless said; target, measured, verdict):");
        Figure lin5 = Figure.find(figures, "linear", SamplerKind.REDUCED, 5, 2);
        Figure lin160 = Figure.find(figures, "linear", SamplerKind.REDUCED, 160, 2);
        Figure deep = Figure.find(figures, "linear", SamplerKind.REDUCED, 5, 10);
        if (lin5 != null) {
            target(out, "linear depth 2 width 5 >= 3M draws/s", fmt(lin5.drawsPerSecond()), lin5.drawsPerSecond() >= 3e6);
        }
        if (lin5 != null && lin160 != null) {
            double slow = lin5.drawsPerSecond() / lin160.drawsPerSecond();
            target(out, "linear depth 2 width 160 within 1.5x of width 5", String.format("%.2fx slower", slow), slow <= 1.5);
        }
        if (deep != null) {
            target(out, "linear width 5 depth 10 >= 1M draws/s", fmt(deep.drawsPerSecond()), deep.drawsPerSecond() >= 1e6);
        }
        for (String act : List.of("tanh", "leaky_relu")) {
            Figure reduced = Figure.find(figures, act, SamplerKind.REDUCED, 160, 2);
            Figure direct = Figure.find(figures, act, SamplerKind.DIRECT, 160, 2);
            if (reduced != null && direct != null) {
                double gain = reduced.drawsPerSecond() / direct.drawsPerSecond();
                target(out, act + " depth 2 width 160 reduced >= 2x direct",
                        String.format("%.2fx (%s vs %s)", gain, fmt(reduced.drawsPerSecond()), fmt(direct.drawsPerSecond())),
                        gain >= 2.0);
            }
        }
        laneTargets(figures, out);
        if (spark != null) {
            target(out, "Spark local[2] >= 75% of 2x single core",
                    String.format("%.0f%% (%s of %s)", 100 * spark.ratio(), fmt(spark.stageRate()),
                            fmt(SparkBench.CORES * spark.singleCore())),
                    spark.ratio() >= 0.75);
        }
        out.println("authors' code on this machine (per core): depth 2 widths 5/20/80/160 at 120k/60k/22k/13k"
                + " draws/s, width 5 depth 10 at 99k");
        for (int[] shape : KernelBench.SHAPES) {
            Figure best = null;
            for (Figure f : figures) {
                if (f.activation().equals("linear") && f.width() == shape[0] && f.depth() == shape[1]
                        && (best == null || f.drawsPerSecond() > best.drawsPerSecond())) {
                    best = f;
                }
            }
            if (best != null) {
                out.printf("  linear depth %d width %d: %s draws/s (%s)%n", shape[1], shape[0],
                        fmt(best.drawsPerSecond()), best.sampler().specName());
            }
        }
    }

    /**
     * The lane kernel's targets (issue 15): per cell, vs_scalar of the direct sampler in lanes
     * against the scalar kernel (one JVM, alternating windows), and the kernel auto now draws with
     * against the faster of today's scalar direct and scalar reduced (each timed beside the lane
     * kernel of its sampler, or alone where lanes do not apply; separate JVMs, so noisier).
     */
    private static void laneTargets(List<Figure> figures, PrintStream out) {
        for (int[] c : KernelBench.TARGET_SHAPES) {
            for (String act : List.of("linear", "tanh", "leaky_relu")) {
                Figure direct = Figure.find(figures, act, SamplerKind.DIRECT, c[0], c[1]);
                Figure reduced = Figure.find(figures, act, SamplerKind.REDUCED, c[0], c[1]);
                if (direct == null || reduced == null) {
                    continue;
                }
                double goal = c[0] == 160 ? (act.equals("linear") ? 1.0 : 2.0)
                        : c[1] == 2 ? 2.0 : act.equals("linear") ? 2.0 : 3.0;
                double today = Math.max(direct.scalarDrawsPerSecond(), reduced.scalarDrawsPerSecond());
                Figure auto = SamplerKind.AUTO.resolve(KernelBench.model(c[0], c[1], act), Prior.GAUSS)
                        == SamplerKind.REDUCED ? reduced : direct;
                double vsToday = auto.drawsPerSecond() / today;
                target(out, String.format("%s depth %d width %d >= %.0fx today's kernel", act, c[1], c[0], goal),
                        String.format("vs_scalar=%.2f, auto %.2fx (%s)", direct.vsScalar(), vsToday,
                                fmt(auto.drawsPerSecond())), vsToday >= goal && direct.vsScalar() >= 1.0);
            }
        }
    }

    private static void target(PrintStream out, String what, String measured, boolean met) {
        out.printf("  %-52s %-34s %s%n", what, measured, met ? "met" : "NOT met");
    }

    private static String fmt(double rate) {
        if (rate >= 1e6) {
            return String.format("%.2fM", rate / 1e6);
        }
        return rate >= 1e3 ? String.format("%.0fk", rate / 1e3) : String.format("%.0f", rate);
    }
}
