package gnc.bench;

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
 * JIT learnt from one configuration does not slow the next.
 */
public final class KernelBench {
    /** (width, depth): the paper's width sweep at depth 2 and depth sweep at width 5. */
    static final int[][] SHAPES = {{5, 2}, {20, 2}, {80, 2}, {160, 2}, {640, 2}, {5, 6}, {5, 10}};
    static final double EPS = 0.02;

    private KernelBench() {
    }

    /**
     * Measures every shape for each activation and sampler named (spec names), each for about
     * seconds, printing each figure's line as it is measured; returns the figures in that order.
     */
    public static List<Figure> measure(List<String> activations, List<SamplerKind> samplers, double seconds,
                                       PrintStream out) {
        List<Figure> figures = new ArrayList<>();
        for (String activation : activations) {
            for (SamplerKind sampler : samplers) {
                for (int[] shape : SHAPES) {
                    Figure f = BenchFork.measure(shape[0], shape[1], activation, sampler, seconds);
                    figures.add(f);
                    out.println(f.line());
                    out.flush();
                }
            }
        }
        return figures;
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

    /** One figure, measured in this JVM. */
    static Figure measure(ProblemInstance problem, Factorization model, SamplerKind sampler, double seconds) {
        GncSampler g = new GncSampler(problem, model, new GncSettings(Prior.GAUSS, false,
                GncSettings.DEFAULT_SOFTENING, sampler));
        Timed draws = drawsPerSecond(g, seconds);
        double replayRate = replaysPerSecond(RandomUse.of(model, Prior.GAUSS, sampler), seconds * 0.5);
        return new Figure(model.width(), model.depth(), model.activation().kind().specName(), sampler, draws.rate,
                draws.rate / replayRate, draws.cpu);
    }

    /** Draws per second of one thread. */
    private static Timed drawsPerSecond(GncSampler sampler, double seconds) {
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
        timed.measure(seconds);
        if (Double.isNaN(sink[0])) {
            throw new IllegalStateException("random numbers summed to NaN");
        }
        return timed.rate;
    }
}
