package gnc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Times work done in chunks sized to take about 10 ms each, after a warm-up for the JIT: a quarter
 * of the measuring time, at least minWarm seconds, then on in windows of 0.5 s until a window is
 * less than 5% faster than the one before (at most 30 s in all). The lane kernel's Vector API code
 * runs hundreds of times slower until C2 has compiled it, which took 2 to 5 s here, at a flat
 * rate until then (so a settled rate alone does not show that it is compiled). Reports units of
 * work per wall-clock second, and the share of that wall time the thread ran (its CPU time over
 * the wall time).
 */
abstract class Timed {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final double MAX_WARM_SECONDS = 30.0;
    double rate;
    double cpu;

    abstract void work(long count);

    void measure(double seconds, double minWarm) {
        long start = System.nanoTime();
        long chunk = warm(chunk(1, start + (long) (Math.max(minWarm, seconds * 0.25) * 1e9)), start);
        long from = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long end = from + (long) (seconds * 1e9);
        long done = 0;
        long now;
        do {
            work(chunk);
            done += chunk;
            now = System.nanoTime();
        } while (now < end);
        rate = done / ((now - from) / 1e9);
        cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / (double) (now - from);
    }

    /** Works until until, doubling the chunk while one takes under 10 ms; returns the chunk. */
    private long chunk(long chunk, long until) {
        while (System.nanoTime() < until) {
            long t = System.nanoTime();
            work(chunk);
            if (System.nanoTime() - t < 10_000_000L) {
                chunk *= 2;
            }
        }
        return chunk;
    }

    /** Warms on in 0.5 s windows until the rate settles (see the class comment); returns the chunk. */
    private long warm(long chunk, long start) {
        double previous = 0;
        while (System.nanoTime() - start < MAX_WARM_SECONDS * 1e9) {
            long from = System.nanoTime();
            long done = 0;
            while (System.nanoTime() - from < 500_000_000L) {
                long t = System.nanoTime();
                work(chunk);
                done += chunk;
                if (System.nanoTime() - t < 10_000_000L) {
                    chunk *= 2;
                }
            }
            double windowRate = done / ((System.nanoTime() - from) / 1e9);
            if (windowRate < 1.05 * previous) {
                break;
            }
            previous = windowRate;
        }
        return chunk;
    }
}
