package gnc.job;

import gnc.estimator.Estimator;
import gnc.spec.JobSpec;
import gnc.spec.SpecException;
import gnc.spec.SweepPoint;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;

/**
 * Refuses, before anything runs, a spec whose units need more memory than a task has. A task's
 * objects live in the executor's "user memory", (heap - 300 MiB) * (1 - spark.memory.fraction),
 * shared by the executor's concurrent tasks (Spark's unified memory model); on the embedded local
 * master the executor is the driver's JVM, whose cores all run tasks.
 */
final class TaskMemory {
    static final long RESERVED = 300L << 20;

    private TaskMemory() {
    }

    static void check(JobSpec spec, List<Estimator> estimators, SparkConf conf, int cores) {
        boolean local = conf.get("spark.master", "local").startsWith("local");
        long heap = local ? Runtime.getRuntime().maxMemory() : conf.getSizeAsBytes("spark.executor.memory", "1g");
        int tasks = local ? Math.max(1, cores) : conf.getInt("spark.executor.cores", 1);
        double fraction = conf.getDouble("spark.memory.fraction", 0.6);
        long perTask = (long) ((heap - RESERVED) * (1 - fraction) / tasks);
        for (Estimator e : estimators) {
            for (SweepPoint p : spec.sweep().points()) {
                long need = e.unitBytes(p);
                if (need > perTask) {
                    throw new SpecException(String.format(Locale.ROOT, "%s at width %d, depth %d needs about %s per"
                            + " task, more than the %s a task has here (%s heap, %d tasks at once): lower %s, or give"
                            + " executors more memory (spark.executor.memory; locally GNC_JAVA_OPTS=-Xmx...)",
                            e.method(), p.width(), p.depth(), size(need), size(perTask), size(heap), tasks,
                            e.unitBytesFields()));
                }
            }
        }
    }

    static String size(long bytes) {
        return bytes >= 10L << 30 ? (bytes >> 30) + " GiB" : (bytes >> 20) + " MiB";
    }
}
