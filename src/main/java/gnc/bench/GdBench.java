package gnc.bench;

import gnc.kernel.GdSettings;
import gnc.kernel.GradientDescent;
import gnc.kernel.ProblemInstance;
import gnc.kernel.Streams;
import java.io.PrintStream;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code gnc bench-gd}'s figures: single-thread gradient-descent throughput of the kernel on the
 * paper's problem (5 x 5, rank 1, 15 measurements), one line per measurement for scripts:
 * {@code method=gd depth=2 width=5 activation=linear epochs_per_s=1234567 epochs_per_cpu_s=1301234}.
 * Each run is a fresh initialization (init scale 1e-3) followed by CHUNK full-batch epochs with lr
 * 1e-2. epochs_per_s divides by wall-clock time; epochs_per_cpu_s by the thread's CPU time, which
 * stays comparable when other processes share the cores.
 */
public final class GdBench {
    /** {width, depth}: the width sweep at depth 2, then the depth sweep at width 5. */
    private static final int[][] SHAPES = {{5, 2}, {20, 2}, {80, 2}, {160, 2}, {5, 6}, {5, 10}};
    private static final long CHUNK = 2_000;

    private GdBench() {
    }

    /** Measures every shape for each activation named (spec names), each for about seconds, printing a line each. */
    public static void measure(List<String> activations, double seconds, PrintStream out) {
        ProblemInstance problem = KernelBench.problem();
        GdSettings settings = new GdSettings(1e-2, CHUNK, 1e-3, 0.0);
        for (String activation : activations) {
            for (int[] shape : SHAPES) {
                GradientDescent gd = new GradientDescent(problem, KernelBench.model(shape[0], shape[1], activation));
                double[] rates = epochsPerSecond(gd, settings, seconds);
                out.printf("method=gd depth=%d width=%d activation=%s epochs_per_s=%.0f epochs_per_cpu_s=%.0f%n",
                        shape[1], shape[0], activation, rates[0], rates[1]);
            }
        }
    }

    /** Epochs per second of wall-clock time and of this thread's CPU time ({@link Timed}'s measurement). */
    private static double[] epochsPerSecond(GradientDescent gd, GdSettings settings, double seconds) {
        SplittableRandom rng = Streams.stream(1L, 0);
        double[] sink = new double[1];
        Timed timed = new Timed() {
            @Override
            void work(long count) {
                for (long i = 0; i < count; i++) {
                    sink[0] += gd.run(settings, rng).genLoss();
                }
            }
        };
        timed.measure(seconds);
        if (Double.isNaN(sink[0])) {
            throw new IllegalStateException("gradient descent produced NaN losses during the benchmark");
        }
        double epochs = timed.rate * settings.epochs();
        return new double[] {epochs, epochs / timed.cpu};
    }
}
