package gnc.job;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.util.LongAccumulator;

/**
 * Progress of a run, driven by finished units: units and G&C draws done / total, accepted so
 * far, draws per second and ETA, handed to a display every few seconds. Counts come from
 * accumulators updated in a foreach action, which Spark applies once per successful task; units
 * finished by an earlier, interrupted run count as done from the start.
 */
public final class Progress implements AutoCloseable {
    /** The accumulators the tasks add to. */
    record Counters(LongAccumulator units, LongAccumulator draws, LongAccumulator accepted)
            implements java.io.Serializable {
    }

    /** What the run has to do, and what an earlier invocation already did. */
    record Totals(long units, long unitsDone, long draws, long drawsDone) {
    }

    private final Totals totals;
    private final Counters counters;
    private final Consumer<String> display;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer;

    Progress(Totals totals, Counters counters, Consumer<String> display, long periodMillis) {
        this.totals = totals;
        this.counters = counters;
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
        double seconds = Math.max((System.nanoTime() - startNanos) / 1e9, 1e-9);
        long units = counters.units().value();
        long draws = counters.draws().value();
        return format(totals.unitsDone() + units, totals.units(), totals.drawsDone() + draws, totals.draws(),
                counters.accepted().value(), units / seconds, draws / seconds);
    }

    /**
     * e.g. "units 12 / 24, draws 12,000,000 / 24,000,000 (50.0%), accepted 1,234, 2.40M draws/s,
     * ETA 0:00:05"; the ETA follows the draws. Without G&C draws (GD and subset simulation
     * alone) the line counts units only, e.g. "units 10 / 40 (25.0%), 0.50 units/s, ETA 0:01:00".
     */
    static String format(long unitsDone, long units, long drawsDone, long draws, long accepted, double unitRate,
                         double drawRate) {
        if (draws == 0) {
            double left = unitRate > 0 ? (units - unitsDone) / unitRate : Double.NaN;
            return String.format(Locale.ROOT, "units %,d / %,d (%.1f%%), %.2f units/s, ETA %s", unitsDone, units,
                    units == 0 ? 100.0 : 100.0 * unitsDone / units, unitRate, eta(unitsDone, units, left));
        }
        double left = drawRate > 0 ? (draws - drawsDone) / drawRate : Double.NaN;
        return String.format(Locale.ROOT, "units %,d / %,d, draws %,d / %,d (%.1f%%), accepted %,d, %s draws/s, ETA %s",
                unitsDone, units, drawsDone, draws, 100.0 * drawsDone / draws, accepted, rate(drawRate),
                eta(unitsDone, units, left));
    }

    private static String eta(long unitsDone, long units, double secondsLeft) {
        return unitsDone >= units ? "0:00:00" : Double.isNaN(secondsLeft) ? "unknown" : duration(secondsLeft);
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
