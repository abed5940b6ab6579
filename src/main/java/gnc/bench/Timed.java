package gnc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Times work done in chunks sized to take about 10 ms each, after a warm-up for the JIT (a
 * quarter of the measuring time, at least 0.5 s): units of work per wall-clock second, and the
 * share of that wall time the thread ran (its CPU time over the wall time).
 */
abstract class Timed {
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
