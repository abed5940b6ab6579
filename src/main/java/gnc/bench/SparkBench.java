package gnc.bench;

import com.sun.management.OperatingSystemMXBean;
import gnc.job.GncJob;
import gnc.job.RunDirectory;
import gnc.spec.JobSpec;
import gnc.spec.SpecParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;

/**
 * The bench's end-to-end figure: a real G&C job (depth 2, width 5, linear, reduced sampler) on
 * Spark's local[2] master (in a session the caller opens on {@link #MASTER}), sized from the
 * single-core figure to take about the requested number of seconds, written to a temporary run
 * directory that is deleted afterwards. Throughput is taken over the draws' wall time (from the
 * first trial job's start to the last one's end, as Spark's listener reports them) and over the
 * whole run, tables included.
 */
public final class SparkBench {
    public static final String MASTER = "local[2]";
    static final int CORES = 2;
    private static final int SEEDS = 4;
    private static final int BLOCKS_PER_SEED = 12;

    private SparkBench() {
    }

    /**
     * @param cores the process's CPU time over the job's wall time: near 2 when the job had both
     *              cores, lower when other processes took them (which lowers the ratio)
     */
    public record Result(double singleCore, long draws, double stageSeconds, double jobSeconds, double cores) {
        double stageRate() {
            return draws / stageSeconds;
        }

        double jobRate() {
            return draws / jobSeconds;
        }

        /** The draw stage's throughput over CORES times the single-core figure of the same configuration. */
        double ratio() {
            return stageRate() / (CORES * singleCore);
        }

        public String line() {
            return String.format("spark master=%s depth=2 width=5 activation=linear sampler=reduced draws=%d"
                            + " draw_stage_s=%.2f draws_per_s=%.0f job_s=%.2f job_draws_per_s=%.0f"
                            + " single_core=%.0f ratio=%.2f cores=%.2f",
                    MASTER, draws, stageSeconds, stageRate(), jobSeconds, jobRate(), singleCore, ratio(), cores);
        }
    }

    /**
     * The wall time of the draws: from the first trial job's start to the last one's end (the run
     * computes each (point, seed) trial in a Spark job of its own, described by its trial).
     */
    static final class DrawClock extends SparkListener {
        private final java.util.Map<Integer, Long> started = new java.util.HashMap<>();
        private long first = Long.MAX_VALUE;
        private long last = Long.MIN_VALUE;
        private int ended;

        @Override
        public synchronized void onJobStart(SparkListenerJobStart event) {
            String description = event.properties() == null ? null : event.properties().getProperty("spark.job.description");
            if (description != null && description.contains(" seed=")) {
                started.put(event.jobId(), event.time());
                first = Math.min(first, event.time());
            }
        }

        @Override
        public synchronized void onJobEnd(SparkListenerJobEnd event) {
            if (started.containsKey(event.jobId())) {
                last = Math.max(last, event.time());
                ended++;
            }
        }

        /** The draws' wall time, waiting for the listener bus to deliver every trial job's end. */
        long millis(int trialJobs) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline) {
                synchronized (this) {
                    if (ended >= trialJobs) {
                        return last - first;
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            throw new IllegalStateException("Spark reported " + ended + " of " + trialJobs + " trial jobs ended");
        }
    }

    /** Runs the job on spark (whose master is {@link #MASTER}) for about seconds, given the single-core figure. */
    public static Result run(SparkSession spark, double singleCore, long seconds) {
        long perSeed = (long) Math.ceil(singleCore * CORES * seconds / SEEDS);
        long blockSize = Math.max(1, perSeed / BLOCKS_PER_SEED);
        long draws = blockSize * BLOCKS_PER_SEED;
        JobSpec spec = SpecParser.parse("""
                {"sweep": {"widths": [5], "depth": 2},
                 "gnc": {"sampler": "reduced", "eps": %s, "draws": %d, "block_size": %d}, "seeds": %d}
                """.formatted(KernelBench.EPS, draws, blockSize, SEEDS), "bench-spark");
        Path tmp;
        try {
            tmp = Files.createTempDirectory("gnc-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DrawClock clock = new DrawClock();
        try {
            spark.sparkContext().addSparkListener(clock);
            RunDirectory dir = RunDirectory.at(tmp.resolve("run").toString(), spark.sparkContext().hadoopConfiguration());
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            GncJob.Result r = GncJob.run(spark, spec, dir, GncJob.Options.partitions(0));
            long wall = System.nanoTime() - start;
            double jobSeconds = wall / 1e9;
            double cores = (os.getProcessCpuTime() - cpuStart) / (double) wall;
            double stageSeconds = clock.millis((int) r.trials()) / 1e3;
            spark.sparkContext().removeSparkListener(clock);
            return new Result(singleCore, draws * SEEDS, stageSeconds, jobSeconds, cores);
        } finally {
            deleteRecursively(tmp);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the bench's temporary run directory " + root, e);
        }
    }
}
