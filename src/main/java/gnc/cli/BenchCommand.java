package gnc.cli;

import gnc.kernel.Activation;
import gnc.kernel.BlockStats;
import gnc.kernel.ChiSquare;
import gnc.kernel.Factorization;
import gnc.kernel.GncSampler;
import gnc.kernel.GncSettings;
import gnc.kernel.Prior;
import gnc.kernel.ProblemGenerator;
import gnc.kernel.ProblemInstance;
import gnc.kernel.ProblemSettings;
import gnc.kernel.RandomUse;
import gnc.kernel.SamplerKind;
import gnc.kernel.Streams;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code gnc bench}: single-thread G&C throughput of the kernel on the paper's problem (5 x 5,
 * rank 1, 15 measurements, Gaussian prior, eps 0.02) for each activation, sampler and shape, then
 * the Spark job's end-to-end throughput on local[2]. One line per measurement for scripts, e.g.
 * {@code depth=2 width=5 activation=linear sampler=reduced draws_per_s=3120000 rng_share=0.61},
 * then a human summary against the targets.
 *
 * <p>rng_share is the time one draw's random numbers take when generated alone in a tight loop
 * (the same calls in the same number: {@link RandomUse#replay}) divided by the time of a whole
 * draw. Each single-thread figure is measured in a JVM of its own ({@link BenchFork}), so that
 * what the JIT learnt from one configuration does not slow the next.
 */
final class BenchCommand {
    static final String USAGE = "bench [--seconds S] [--activation linear|tanh|leaky_relu] [--sampler direct|reduced]"
            + " [--spark-seconds S]";
    private static final Set<String> OPTIONS = Set.of("--seconds", "--activation", "--sampler", "--spark-seconds");
    /** (width, depth): the paper's width sweep at depth 2 and depth sweep at width 5. */
    static final int[][] SHAPES = {{5, 2}, {20, 2}, {80, 2}, {160, 2}, {640, 2}, {5, 6}, {5, 10}};
    static final double EPS = 0.02;

    private BenchCommand() {
    }

    /**
     * One measurement; cpu is the share of the wall time the measuring thread was running (near
     * 1 on a quiet machine; lower when other processes took the core, which lowers draws_per_s).
     */
    record Figure(int width, int depth, String activation, SamplerKind sampler, double drawsPerSecond,
                  double rngShare, double cpu) {
        String line() {
            return String.format("depth=%d width=%d activation=%s sampler=%s draws_per_s=%.0f rng_share=%.2f cpu=%.2f",
                    depth, width, activation, sampler.specName(), drawsPerSecond, rngShare, cpu);
        }

        /** The figure a {@link #line()} prints. */
        static Figure parse(String line) {
            java.util.Map<String, String> v = new java.util.HashMap<>();
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
    }

    static int run(List<String> args, PrintStream out) {
        Options o = new Options(args, OPTIONS);
        if (!o.positional().isEmpty()) {
            throw new UsageException("bench takes no positional arguments: usage: gnc " + USAGE);
        }
        Long seconds = o.integer("--seconds", 1, 600);
        double measureSeconds = seconds == null ? 2.0 : seconds;
        Long sparkSeconds = o.integer("--spark-seconds", 0, 3600);
        List<String> kinds = only(o, "--activation", Activation.Kind.specNames());
        List<String> samplers = only(o, "--sampler", List.of(SamplerKind.DIRECT.specName(), SamplerKind.REDUCED.specName()));

        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<Figure> figures = new ArrayList<>();
        for (String kind : kinds) {
            Activation act = Activation.of(Activation.Kind.bySpecName(kind), Activation.DEFAULT_NEGATIVE_SLOPE);
            for (String samplerName : samplers) {
                SamplerKind sampler = SamplerKind.bySpecName(samplerName);
                for (int[] shape : SHAPES) {
                    Figure f = BenchFork.measure(shape[0], shape[1], act.kind().specName(), sampler, measureSeconds);
                    figures.add(f);
                    out.println(f.line());
                    out.flush();
                }
            }
        }
        SparkBench.Result spark = null;
        Figure reference = find(figures, "linear", SamplerKind.REDUCED, 5, 2);
        long sparkTarget = sparkSeconds == null ? 30 : sparkSeconds;
        if (sparkTarget > 0 && reference == null) {
            out.println("spark skipped: it is compared with the linear reduced depth 2 width 5 figure, not measured here");
        } else if (sparkTarget > 0) {
            spark = SparkBench.run(reference.drawsPerSecond(), sparkTarget);
            out.println(spark.line());
        }
        BenchSummary.print(figures, spark, out);
        out.printf("load average (1 min, %d cores): %.2f before, %.2f after%n", Runtime.getRuntime().availableProcessors(),
                loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return Main.OK;
    }

    private static List<String> only(Options o, String option, List<String> all) {
        String v = o.string(option);
        if (v == null) {
            return all;
        }
        if (!all.contains(v)) {
            throw new UsageException(option + " must be one of " + String.join(", ", all) + ", got \"" + v + "\"");
        }
        return List.of(v);
    }

    /** The paper's problem, data set 0 of a fixed key. */
    static ProblemInstance problem() {
        return ProblemGenerator.generate(ProblemSettings.PAPER, Streams.stream(0L, 0));
    }

    static Figure find(List<Figure> figures, String activation, SamplerKind sampler, int width, int depth) {
        for (Figure f : figures) {
            if (f.activation().equals(activation) && f.sampler() == sampler && f.width() == width && f.depth() == depth) {
                return f;
            }
        }
        return null;
    }

    static Figure measure(ProblemInstance problem, Factorization model, SamplerKind sampler, double seconds) {
        GncSampler g = new GncSampler(problem, model, new GncSettings(Prior.GAUSS, false,
                GncSettings.DEFAULT_SOFTENING, sampler));
        Timed draws = drawsPerSecond(g, seconds);
        double replayRate = replaysPerSecond(g.sampler().randomUse(), seconds * 0.5);
        return new Figure(model.width(), model.depth(), model.activation().kind().specName(), sampler, draws.rate,
                draws.rate / replayRate, draws.cpu);
    }

    /** Draws per second of one thread. */
    static Timed drawsPerSecond(GncSampler sampler, double seconds) {
        SplittableRandom rng = Streams.stream(1L, 0);
        BlockStats sink = new BlockStats();
        Timed timed = new Timed() {
            @Override
            void work(long count) {
                sampler.run(rng, count, EPS, sink);
            }
        };
        timed.measure(seconds);
        return timed;
    }

    /** Random-number replays (one draw's worth each) per second of one thread. */
    static double replaysPerSecond(RandomUse use, double seconds) {
        SplittableRandom rng = Streams.stream(2L, 0);
        ChiSquare[] chiSquares = use.chiSquares();
        double[] scratch = new double[use.baseDraws()];
        double[] sink = new double[1];
        Timed timed = new Timed() {
            @Override
            void work(long count) {
                for (long i = 0; i < count; i++) {
                    sink[0] += use.replay(rng, chiSquares, scratch);
                }
            }
        };
        timed.measure(seconds);
        if (Double.isNaN(sink[0])) {
            throw new IllegalStateException("random numbers summed to NaN");
        }
        return timed.rate;
    }

    /**
     * Times work done in chunks sized to take about 10 ms each, after a warm-up (for the JIT):
     * units of work per wall-clock second, and the share of that wall time the thread ran.
     */
    abstract static class Timed {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        double rate;
        double cpu;

        abstract void work(long count);

        void measure(double seconds) {
            long chunk = 1;
            long warmEnd = System.nanoTime() + (long) (Math.max(0.5, seconds * 0.25) * 1e9);
            while (System.nanoTime() < warmEnd) {
                long t = System.nanoTime();
                work(chunk);
                if (System.nanoTime() - t < 10_000_000L) {
                    chunk *= 2;
                }
            }
            long start = System.nanoTime();
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long end = start + (long) (seconds * 1e9);
            long done = 0;
            long now;
            do {
                work(chunk);
                done += chunk;
                now = System.nanoTime();
            } while (now < end);
            rate = done / ((now - start) / 1e9);
            cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / (double) (now - start);
        }
    }
}
