package gnc.job;

import gnc.kernel.ProblemInstance;
import gnc.results.BlockTable;
import gnc.results.TrialsTable;
import gnc.spec.JobSpec;
import gnc.spec.SpecJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark program of a G&C job: plan work units, compute one {@code blocks} row per unit on
 * the executors, write {@code blocks}, then aggregate and write {@code trials}. Nothing numeric
 * happens here; the kernel does it.
 */
public final class GncJob {
    /** Above this many units, each partition holds several (the driver tracks one task each). */
    static final int MAX_DEFAULT_PARTITIONS = 20_000;

    private GncJob() {
    }

    /** What a finished job wrote. */
    public record Result(String runDirectory, long units, long trials) {
    }

    /**
     * Runs spec into the run directory with the given number of partitions (0: one per unit, up
     * to {@link #MAX_DEFAULT_PARTITIONS}).
     */
    public static Result run(SparkSession spark, JobSpec spec, RunDirectory dir, int partitions) {
        dir.claim(SpecJson.write(spec));
        List<WorkUnit> units = Planner.plan(spec);
        int slices = partitions > 0 ? partitions : Math.min(units.size(), MAX_DEFAULT_PARTITIONS);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<ProblemInstance[]> problems = jsc.broadcast(Problems.generate(spec));
        try {
            jsc.setJobDescription("G&C draws: " + spec.name() + " (" + units.size() + " blocks)");
            JavaRDD<Row> rows = jsc.parallelize(units, slices).mapPartitions(new BlockTask(spec, problems));
            BlockTable.sorted(spark.createDataFrame(rows, BlockTable.SCHEMA), units.size())
                    .write().parquet(dir.staging(BlockTable.NAME));
            dir.commit(BlockTable.NAME);

            jsc.setJobDescription("trials table: " + spec.name());
            Dataset<Row> blocks = spark.read().parquet(dir.table(BlockTable.NAME));
            Dataset<Row> trials = TrialsTable.aggregate(spark, blocks);
            trials.write().parquet(dir.staging(TrialsTable.NAME));
            dir.commit(TrialsTable.NAME);
            long trialCount = spark.read().parquet(dir.table(TrialsTable.NAME)).count();
            return new Result(dir.location(), units.size(), trialCount);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            jsc.setJobDescription(null);
            problems.destroy();
        }
    }
}
