package gnc.job;

import gnc.estimator.Estimator;
import gnc.estimator.WorkUnit;
import gnc.kernel.ProblemInstance;
import gnc.spec.JobSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark program of a run. Plans the work units of every (point, seed) trial, skips those
 * whose unit file already exists (a restarted or extended run), computes the rest on the
 * executors with one Spark job per trial (its description names the point and seed), and then
 * builds every table from the unit files. Nothing numeric happens here; the kernel does it.
 */
public final class GncJob {
    /** At most this many trials' Spark jobs are submitted at once; the scheduler queues their tasks. */
    static final int MAX_CONCURRENT_JOBS = 32;

    private GncJob() {
    }

    /**
     * How to run.
     *
     * @param partitions     Spark partitions per trial (0: one per unit)
     * @param specGiven      the spec text as the user gave it (for the manifest), or null
     * @param overrides      command-line overrides, as text (for the manifest)
     * @param progress       receives a progress line every progressMillis, or null for none
     */
    public record Options(int partitions, String specGiven, String overrides, Consumer<String> progress,
                          long progressMillis) {
        public static Options partitions(int partitions) {
            return new Options(partitions, null, "", null, 0);
        }
    }

    /** What a finished run wrote: units planned, units computed by this invocation, trials. */
    public record Result(String runDirectory, long units, long computedUnits, long trials) {
    }

    public static Result run(SparkSession spark, JobSpec spec, RunDirectory dir, Options options) {
        Instant started = Instant.now();
        dir.claim(spec);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        UnitFiles files = new UnitFiles(dir.uri(), new HadoopConf(jsc.hadoopConfiguration()));
        List<Estimator> estimators = Estimators.of(spec);

        RunPlan plan;
        try {
            plan = new RunPlan(spec, estimators, files.present());
            files.deleteAllBut(plan.fileNames);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run's unit files in " + files.directory(), e);
        }
        long computed = plan.pendingUnits();

        if (computed > 0) {
            Progress.Counters counters = new Progress.Counters(jsc.sc().longAccumulator("gnc units"),
                    jsc.sc().longAccumulator("gnc draws"), jsc.sc().longAccumulator("gnc accepted"));
            Broadcast<ProblemInstance[]> problems = jsc.broadcast(Problems.generate(spec));
            UnitTask task = new UnitTask(estimators, spec.activation().kind().specName(), problems, files, counters);
            Progress progress = options.progress() == null ? null
                    : new Progress(new Progress.Totals(plan.units, plan.units - computed, plan.totalDraws, plan.doneDraws),
                            counters, options.progress(), options.progressMillis());
            try {
                computeTrials(jsc, plan.pendingByTrial, task, options.partitions(), spec.name());
            } finally {
                if (progress != null) {
                    progress.close();
                }
                problems.destroy();
            }
        }
        RunTables.write(spark, dir, files, spec, estimators, plan.units, new RunTables.Invocation(started, options.specGiven(),
                options.overrides(), computed));
        return new Result(dir.location(), plan.units, computed, (long) spec.sweep().points().size() * spec.seeds());
    }

    /** One Spark job per trial, submitted from a small pool of driver threads. */
    private static void computeTrials(JavaSparkContext jsc, Map<String, List<WorkUnit>> pendingByTrial, UnitTask task,
                                      int partitions, String jobName) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(pendingByTrial.size(), MAX_CONCURRENT_JOBS), r -> {
            Thread t = new Thread(r, "gnc-trial-job");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> jobs = new ArrayList<>();
        for (Map.Entry<String, List<WorkUnit>> e : pendingByTrial.entrySet()) {
            List<WorkUnit> trialUnits = e.getValue();
            int slices = partitions > 0 ? Math.min(partitions, trialUnits.size()) : trialUnits.size();
            jobs.add(pool.submit(() -> {
                jsc.setJobDescription(jobName + ": " + e.getKey() + " (" + trialUnits.size() + " units)");
                jsc.parallelize(trialUnits, slices).foreachPartition(task);
            }));
        }
        try {
            for (Future<?> f : jobs) {
                f.get();
            }
        } catch (ExecutionException e) {
            jsc.cancelAllJobs();
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } catch (InterruptedException e) {
            jsc.cancelAllJobs();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
