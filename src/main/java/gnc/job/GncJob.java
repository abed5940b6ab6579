package gnc.job;

import gnc.estimator.Estimator;
import gnc.spec.JobSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark program of a run. Takes the run directory's lock, checks the unit files present (a
 * damaged one is set aside with a warning and its units recomputed), plans the units the spec
 * needs that no file holds, computes them in one Spark job of batches (one task and one unit file
 * each), and builds a new generation of every table from exactly the units the spec needs. Nothing
 * numeric happens here; the estimators and the kernel do it.
 */
public final class GncJob {
    private static final Logger LOG = LogManager.getLogger(GncJob.class);

    private GncJob() {
    }

    /**
     * How to run.
     *
     * @param partitions     Spark partitions of the compute job (0: one per task's batch)
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

    /** What a finished run wrote: units planned, units computed by this invocation, trials, tasks. */
    public record Result(String runDirectory, long units, long computedUnits, long trials, long tasks) {
    }

    public static Result run(SparkSession spark, JobSpec spec, RunDirectory dir, Options options) {
        Instant started = Instant.now();
        List<Estimator> estimators = Estimators.of(spec);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int cores = jsc.defaultParallelism();
        LossRange.check(spec);
        TaskMemory.check(spec, estimators, spark.sparkContext().getConf(), cores);
        try (RunLock lock = dir.claim(spec, LOG::warn)) {
            UnitFiles files = new UnitFiles(dir.uri(), new HadoopConf(jsc.hadoopConfiguration()));
            Broadcast<byte[]> shipped = jsc.broadcast(PlannedUnits.serialize(spec));
            PlannedUnits planned = new PlannedUnits(shipped);
            try {
                RunPlan plan = new RunPlan(spec, estimators, check(jsc, planned, files, cores));
                List<FileTake> takes = new ArrayList<>(plan.takes());
                List<Batch> batches = plan.batches(cores);
                if (!batches.isEmpty()) {
                    compute(jsc, spec, plan, batches, planned, files, options);
                    batches.forEach(b -> takes.add(new FileTake(b.fileName, b.method, b.segments)));
                }
                RunTables.write(spark, dir, files, planned, estimators, takes, plan.units,
                        new RunTables.Invocation(started, options.specGiven(), options.overrides(), plan.pendingUnits()));
                return new Result(dir.location(), plan.units, plan.pendingUnits(),
                        (long) spec.sweep().points().size() * spec.seeds(), batches.size());
            } finally {
                shipped.destroy();
            }
        }
    }

    /** What a run of spec would compute in an empty run directory: units, tasks and rough CPU time per estimator. */
    public record PlanLine(String method, long units, long tasks, double cpuSeconds) {
    }

    /**
     * The plan of a run of spec into an empty run directory, with tasks sized for cores cores, without
     * touching any directory or starting Spark.
     */
    public static List<PlanLine> plan(JobSpec spec, int cores) {
        List<Estimator> estimators = Estimators.of(spec);
        List<Batch> batches = new RunPlan(spec, estimators, List.of()).batches(cores);
        List<PlanLine> lines = new ArrayList<>();
        for (Estimator e : estimators) {
            long units = 0;
            double seconds = 0;
            for (var p : spec.sweep().points()) {
                units += (long) e.units(p) * spec.seeds();
                seconds += (double) e.units(p) * spec.seeds() * e.unitSeconds(p);
            }
            long tasks = batches.stream().filter(b -> b.method.equals(e.method())).count();
            lines.add(new PlanLine(e.method(), units, tasks, seconds));
        }
        return lines;
    }

    /** Checks every unit file present on the executors; sets damaged ones aside with a warning. */
    private static List<FileCheck> check(JavaSparkContext jsc, PlannedUnits planned, UnitFiles files, int cores) {
        try {
            files.removeTemporaries();
            List<String> names = files.list();
            if (names.isEmpty()) {
                return List.of();
            }
            jsc.setJobDescription("check " + names.size() + " unit files");
            List<FileCheck> checked = jsc.parallelize(names, Math.min(names.size(), TASKS_PER_CHECK * cores))
                    .mapPartitions(new UnitCheck(planned, files)).collect();
            for (FileCheck f : checked) {
                if (f.damage != null) {
                    LOG.warn("unit file {}/{} is damaged ({}): set aside as {}{} and its units recomputed",
                            files.directory(), f.name, f.damage, f.name, UnitFiles.CORRUPT);
                    files.setAside(f.name);
                }
            }
            return checked;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the unit files in " + files.directory(), e);
        }
    }

    private static final int TASKS_PER_CHECK = 4;

    /** One Spark job computing every batch, one batch per partition unless partitions says otherwise. */
    private static void compute(JavaSparkContext jsc, JobSpec spec, RunPlan plan, List<Batch> batches,
                                PlannedUnits planned, UnitFiles files, Options options) {
        Progress.Counters counters = new Progress.Counters(jsc.sc().longAccumulator("gnc units"),
                jsc.sc().longAccumulator("gnc draws"), jsc.sc().longAccumulator("gnc accepted"));
        Progress progress = options.progress() == null ? null
                : new Progress(new Progress.Totals(plan.units, plan.unitsDone, plan.draws, plan.drawsDone), counters,
                        options.progress(), options.progressMillis());
        try {
            int slices = options.partitions() > 0 ? Math.min(options.partitions(), batches.size()) : batches.size();
            jsc.setJobDescription(spec.name() + ": " + plan.pendingUnits() + " units in " + batches.size() + " tasks");
            jsc.parallelize(batches, slices).foreachPartition(new UnitTask(planned, files, counters));
        } finally {
            if (progress != null) {
                progress.close();
            }
        }
    }
}
