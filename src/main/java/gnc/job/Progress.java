package gnc.job;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.util.LongAccumulator;

/**
 * Progress of a run's draws, driven by finished units: draws done / total, accepted so far,
 * draws per second and ETA, handed to a display every few seconds. Counts come from
 * accumulators updated in a foreach action, which Spark applies once per successful task; units
 * finished by an earlier, interrupted run count as done from the start.
 */
public final class Progress implements AutoCloseable {
    private final long total;
    private final long doneBefore;
    private final LongAccumulator draws;
    private final LongAccumulator accepted;
    private final Consumer<String> display;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer;

    Progress(long total, long doneBefore, LongAccumulator draws, LongAccumulator accepted, Consumer<String> display,
             long periodMillis) {
        this.total = total;
        this.doneBefore = doneBefore;
        this.draws = draws;
        this.accepted = accepted;
        this.display = display;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gnc-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::report, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void report() {
        display.accept(line());
    }

    /** The current progress line. */
    String line() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return format(doneBefore + draws.value(), total, accepted.value(), draws.value() / Math.max(seconds, 1e-9));
    }

    /** e.g. "draws 12,000,000 / 24,000,000 (50.0%), accepted 1,234, 2.41M draws/s, ETA 0:05:00". */
    static String format(long done, long total, long acceptedSoFar, double rate) {
        String eta = rate > 0 && done < total ? duration((total - done) / rate) : done >= total ? "0:00:00" : "unknown";
        return String.format(Locale.ROOT, "draws %,d / %,d (%.1f%%), accepted %,d, %s draws/s, ETA %s", done, total,
                total == 0 ? 100.0 : 100.0 * done / total, acceptedSoFar, rate(rate), eta);
    }

    private static String rate(double r) {
        return r >= 1e6 ? String.format(Locale.ROOT, "%.2fM", r / 1e6)
                : r >= 1e3 ? String.format(Locale.ROOT, "%.1fk", r / 1e3) : String.format(Locale.ROOT, "%.0f", r);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    /** Stops the timer and shows the final line. */
    @Override
    public void close() {
        timer.shutdownNow();
        report();
    }
}
