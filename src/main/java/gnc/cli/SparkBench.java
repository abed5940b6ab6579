package gnc.cli;

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
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.SparkSession;

/**
 * The bench's end-to-end figure: a real G&C job (depth 2, width 5, linear, reduced sampler) on
 * Spark's local[2] master, sized from the single-core figure to take about the requested number
 * of seconds, written to a temporary run directory that is deleted afterwards. Throughput is taken
 * over the draw stage's wall time (from its first task's submission to its completion, as Spark's
 * listener reports them) and over the whole job.
 */
final class SparkBench {
    static final String MASTER = "local[2]";
    static final int CORES = 2;
    private static final int SEEDS = 4;
    private static final int BLOCKS_PER_SEED = 12;

    private SparkBench() {
    }

    /**
     * @param cores the process's CPU time over the job's wall time: near 2 when the job had both
     *              cores, lower when other processes took them (which lowers the ratio)
     */
    record Result(double singleCore, long draws, double stageSeconds, double jobSeconds, double cores) {
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

        String line() {
            return String.format("spark master=%s depth=2 width=5 activation=linear sampler=reduced draws=%d"
                            + " draw_stage_s=%.2f draws_per_s=%.0f job_s=%.2f job_draws_per_s=%.0f"
                            + " single_core=%.0f ratio=%.2f cores=%.2f",
                    MASTER, draws, stageSeconds, stageRate(), jobSeconds, jobRate(), singleCore, ratio(), cores);
        }
    }

    /** Records the wall time and task count of every completed stage. */
    static final class StageClock extends SparkListener {
        record Stage(int tasks, long millis) {
        }

        private final List<Stage> stages = new ArrayList<>();

        @Override
        public synchronized void onStageCompleted(SparkListenerStageCompleted event) {
            StageInfo info = event.stageInfo();
            if (info.submissionTime().isDefined() && info.completionTime().isDefined()) {
                long millis = (Long) info.completionTime().get() - (Long) info.submissionTime().get();
                stages.add(new Stage(info.numTasks(), millis));
            }
        }

        /** The longest completed stage with the given number of tasks, waiting for the listener bus. */
        long millisOfStageWith(int tasks) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline) {
                synchronized (this) {
                    var match = stages.stream().filter(s -> s.tasks() == tasks).max(Comparator.comparingLong(Stage::millis));
                    if (match.isPresent()) {
                        return match.get().millis();
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            throw new IllegalStateException("Spark reported no completed stage of " + tasks + " tasks");
        }
    }

    static Result run(double singleCore, long seconds) {
        long perSeed = (long) Math.ceil(singleCore * CORES * seconds / SEEDS);
        long blockSize = Math.max(1, perSeed / BLOCKS_PER_SEED);
        long draws = blockSize * BLOCKS_PER_SEED;
        JobSpec spec = SpecParser.parse("""
                {"sweep": {"widths": [5], "depth": 2},
                 "gnc": {"sampler": "reduced", "eps": %s, "draws": %d, "block_size": %d}, "seeds": %d}
                """.formatted(BenchCommand.EPS, draws, blockSize, SEEDS), "bench-spark");
        Path tmp;
        try {
            tmp = Files.createTempDirectory("gnc-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StageClock clock = new StageClock();
        try (Sessions.Session session = Sessions.open("gnc bench", MASTER)) {
            SparkSession spark = session.spark();
            spark.sparkContext().addSparkListener(clock);
            RunDirectory dir = RunDirectory.at(tmp.resolve("run").toString(), spark.sparkContext().hadoopConfiguration());
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            GncJob.Result r = GncJob.run(spark, spec, dir, 0);
            long wall = System.nanoTime() - start;
            double jobSeconds = wall / 1e9;
            double cores = (os.getProcessCpuTime() - cpuStart) / (double) wall;
            double stageSeconds = clock.millisOfStageWith((int) r.units()) / 1e3;
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
