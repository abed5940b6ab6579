package gnc.bench;

import gnc.kernel.Activation;
import gnc.kernel.BlockStats;
import gnc.kernel.ChiSquare;
import gnc.kernel.Factorization;
import gnc.kernel.GncSampler;
import gnc.kernel.GncSettings;
import gnc.kernel.Lanes;
import gnc.kernel.Prior;
import gnc.kernel.ProblemGenerator;
import gnc.kernel.ProblemInstance;
import gnc.kernel.ProblemSettings;
import gnc.kernel.SamplerKind;
import gnc.kernel.Streams;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code gnc bench}'s single-thread figures: G&C throughput of the kernel on the paper's problem
 * (5 x 5, rank 1, 15 measurements, Gaussian prior, eps 0.02) for each activation, sampler and
 * shape, one {@link Figure#line()} per measurement.
 *
 * <p>rng_share is the time one draw's random numbers take when generated alone in a tight loop
 * (the same calls in the same number and order: {@link RandomUse#replay}) divided by the time of a
 * whole draw. Each figure is measured in a JVM of its own ({@link BenchFork}), so that what the
 * JIT learnt from one configuration does not slow the next. A JVM's figure still varies with how
 * well the JIT compiled it there and with the host's load (whole benches here differ by about 10%),
 * so each cell can be measured in several forks and its median figure kept.
 */
public final class KernelBench {
    /** (width, depth): the paper's width sweep at depth 2 and depth sweep at width 5. */
    static final int[][] SHAPES = {{5, 2}, {20, 2}, {80, 2}, {160, 2}, {640, 2}, {5, 6}, {5, 10}};
    /** (width, depth): the shapes among SHAPES that the summary's targets need ({@link BenchSummary}). */
    static final int[][] TARGET_SHAPES = {{5, 2}, {5, 6}, {5, 10}, {160, 2}};
    static final double EPS = 0.02;

    private KernelBench() {
    }

    /**
     * Measures every shape (or, when targetsOnly, those of TARGET_SHAPES) for each activation and
     * sampler named (spec names), each for about seconds, in repeats rounds of one fork per cell
     * (so that a slow change of the machine's load falls on all cells alike), printing each fork's
     * line as it is measured, prefixed with {@code repeat=r} when repeats > 1, and then each cell's
     * median figure ({@link Figure#median}) with the range of its forks' vs_scalar. Returns the
     * cells' median figures (with one round, the figures measured), in measuring order.
     */
    public static List<Figure> measure(List<String> activations, List<SamplerKind> samplers, boolean targetsOnly,
                                       int repeats, double seconds, PrintStream out) {
        List<Cell> cells = new ArrayList<>();
        for (String activation : activations) {
            for (SamplerKind sampler : samplers) {
                for (int[] shape : targetsOnly ? TARGET_SHAPES : SHAPES) {
                    cells.add(new Cell(shape[0], shape[1], activation, sampler));
                }
            }
        }
        List<List<Figure>> forks = new ArrayList<>();
        cells.forEach(c -> forks.add(new ArrayList<>()));
        for (int r = 1; r <= repeats; r++) {
            for (int i = 0; i < cells.size(); i++) {
                Cell c = cells.get(i);
                Figure f = BenchFork.measure(c.width, c.depth, c.activation, c.sampler, seconds);
                forks.get(i).add(f);
                out.println((repeats > 1 ? "repeat=" + r + " " : "") + f.line());
                out.flush();
            }
        }
        List<Figure> medians = forks.stream().map(Figure::median).toList();
        if (repeats > 1) {
            out.println("median of " + repeats + " repeats:");
            for (int i = 0; i < cells.size(); i++) {
                double[] vsScalar = forks.get(i).stream().mapToDouble(Figure::vsScalar).sorted().toArray();
                out.printf("%s repeats=%d vs_scalar_range=%.2f-%.2f%n", medians.get(i).line(), repeats, vsScalar[0],
                        vsScalar[vsScalar.length - 1]);
            }
        }
        return medians;
    }

    /** One configuration the bench measures. */
    private record Cell(int width, int depth, String activation, SamplerKind sampler) {
    }

    /** The paper's problem, data set 0 of a fixed key. */
    static ProblemInstance problem() {
        return ProblemGenerator.generate(ProblemSettings.PAPER, Streams.stream(0L, 0));
    }

    /** The paper's model (5 x 5) at the given width, depth and activation (spec name). */
    static Factorization model(int width, int depth, String activation) {
        Activation act = Activation.of(Activation.Kind.bySpecName(activation), Activation.DEFAULT_NEGATIVE_SLOPE);
        return new Factorization(5, 5, width, depth, act);
    }

    /**
     * One figure, measured in this JVM: where G&C draws in lanes, the scalar kernel and the lane
     * kernel, each warmed up, then timed in alternating windows; elsewhere the scalar kernel alone.
     */
    static Figure measure(ProblemInstance problem, Factorization model, SamplerKind sampler, double seconds) {
        GncSettings settings = new GncSettings(Prior.GAUSS, false, GncSettings.DEFAULT_SOFTENING, sampler);
        boolean lanes = Lanes.applies(model, settings);
        Timed scalar = draws(GncSampler.scalar(problem, model, settings), 1L);
        Timed draws = scalar;
        if (lanes) {
            draws = draws(new GncSampler(problem, model, settings), 3L);
            scalar.warmUp(seconds, 0.5);
            draws.warmUp(seconds, LANE_WARM_SECONDS);
            Timed.interleaved(scalar, draws, seconds);
        } else {
            scalar.measure(seconds, 0.5);
        }
        double replayRate = replaysPerSecond(RandomUse.of(model, Prior.GAUSS, sampler), seconds * 0.5);
        String kernel = !lanes ? "scalar" : Lanes.vectorized() ? "lanes" : "lanes_plain";
        return new Figure(model.width(), model.depth(), model.activation().kind().specName(), sampler, kernel,
                draws.rate, scalar.rate, scalar.rate / replayRate, Math.min(draws.cpu, scalar.cpu));
    }

    /** The lane kernel's least warm-up: C2 took 2 to 5 s to compile its Vector API code here ({@link Timed}). */
    static final double LANE_WARM_SECONDS = 6.0;

    /** G&C draws of one thread on the stream (key, 0), as timed work. */
    private static Timed draws(GncSampler sampler, long key) {
        SplittableRandom rng = Streams.stream(key, 0);
        BlockStats sink = new BlockStats();
        return new Timed() {
            @Override
            void work(long count) {
                sampler.run(rng, count, EPS, sink);
            }
        };
    }

    /** Random-number replays (one draw's worth each) per second of one thread. */
    private static double replaysPerSecond(RandomUse use, double seconds) {
        SplittableRandom rng = Streams.stream(2L, 0);
        ChiSquare[] chiSquares = use.chiSquares();
        double[] scratch = new double[use.longestRun()];
        double[] sink = new double[1];
        Timed timed = new Timed() {
            @Override
            void work(long count) {
                for (long i = 0; i < count; i++) {
                    sink[0] += use.replay(rng, chiSquares, scratch);
                }
            }
        };
        timed.measure(seconds, 0.5);
        if (Double.isNaN(sink[0])) {
            throw new IllegalStateException("random numbers summed to NaN");
        }
        return timed.rate;
    }
}
