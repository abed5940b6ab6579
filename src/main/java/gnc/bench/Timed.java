package gnc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Times work done in chunks sized to take about 10 ms each, after a warm-up for the JIT: a quarter
 * of the measuring time, at least minWarm seconds, then on in windows of 0.5 s until a window is
 * less than 5% faster than the one before (at most 30 s in all). The lane kernel's Vector API code
 * runs hundreds of times slower until C2 has compiled it, which took 2 to 5 s here, at a flat
 * rate until then (so a settled rate alone does not show that it is compiled). Reports units of
 * work per wall-clock second over the timed windows, and the share of that wall time the thread
 * ran (its CPU time over the wall time). Two kernels compared are timed in alternating windows
 * ({@link #interleaved}), so that both see the same load from other processes.
 */
abstract class Timed {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final double MAX_WARM_SECONDS = 30.0;
    private static final double WINDOW_SECONDS = 0.25;
    private long chunk = 1;
    private long done;
    private long wallNanos;
    private long cpuNanos;
    double rate;
    double cpu;

    abstract void work(long count);

    /** Warms up, then times the work for about seconds. */
    void measure(double seconds, double minWarm) {
        warmUp(seconds, minWarm);
        window(seconds);
    }

    /** Times a and b (both warmed up) in alternating windows until each ran about seconds. */
    static void interleaved(Timed a, Timed b, double seconds) {
        for (double t = 0; t < seconds; t += WINDOW_SECONDS) {
            a.window(WINDOW_SECONDS);
            b.window(WINDOW_SECONDS);
        }
    }

    /** The warm-up of the class comment. */
    void warmUp(double seconds, double minWarm) {
        long start = System.nanoTime();
        long until = start + (long) (Math.max(minWarm, seconds * 0.25) * 1e9);
        while (System.nanoTime() < until) {
            timedChunk();
        }
        double previous = 0;
        while (System.nanoTime() - start < MAX_WARM_SECONDS * 1e9) {
            long from = System.nanoTime();
            long count = 0;
            while (System.nanoTime() - from < 500_000_000L) {
                count += timedChunk();
            }
            double windowRate = count / ((System.nanoTime() - from) / 1e9);
            if (windowRate < 1.05 * previous) {
                break;
            }
            previous = windowRate;
        }
    }

    /** One chunk, doubling the chunk size while one takes under 10 ms; returns the work done. */
    private long timedChunk() {
        long n = chunk;
        long t = System.nanoTime();
        work(n);
        if (System.nanoTime() - t < 10_000_000L) {
            chunk *= 2;
        }
        return n;
    }

    /** Works for about seconds more, adding to the timed totals (rate and cpu). */
    private void window(double seconds) {
        long from = System.nanoTime();
        long cpuFrom = THREADS.getCurrentThreadCpuTime();
        long end = from + (long) (seconds * 1e9);
        long now;
        do {
            work(chunk);
            done += chunk;
            now = System.nanoTime();
        } while (now < end);
        wallNanos += now - from;
        cpuNanos += THREADS.getCurrentThreadCpuTime() - cpuFrom;
        rate = done / (wallNanos / 1e9);
        cpu = cpuNanos / (double) wallNanos;
    }
}
