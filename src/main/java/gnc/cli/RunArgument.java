package gnc.cli;

import gnc.job.RunDirectory;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The run directory argument of plot and export, and where their output goes. A local run
 * directory is checked before Spark starts, so a wrong path costs no session.
 */
final class RunArgument {
    private RunArgument() {
    }

    /** The one positional argument, a run directory; a local one is checked now. */
    static String single(String command, Options o, String usage) {
        if (o.positional().size() != 1) {
            throw new UsageException(command + " takes one run directory, got " + o.positional().size()
                    + " arguments: usage: gnc " + usage);
        }
        String runDir = o.positional().get(0);
        RunDirectory local = RunDirectory.at(runDir, new Configuration());
        if (local.localDirectory().isPresent()) {
            RunDirectory.open(runDir, new Configuration()).tables();
        }
        return runDir;
    }

    /** The run directory, read through the session's file systems (hdfs://, s3a://, ...). */
    static RunDirectory open(SparkSession spark, String runDir) {
        return RunDirectory.open(runDir, spark.sparkContext().hadoopConfiguration());
    }

    /** A current table of the run. */
    static Dataset<Row> table(SparkSession spark, RunDirectory run, String name) {
        return spark.read().parquet(run.table(name));
    }

    /** --out, else the default in the run directory (which must then be local), named by defaultInRun. */
    static Path output(Options o, RunDirectory run, Supplier<String> defaultInRun) {
        if (o.string("--out") != null) {
            return Path.of(o.string("--out"));
        }
        return run.localDirectory().orElseThrow(() -> new UsageException("the run directory " + run.location()
                + " is not local: give --out for the file to write")).resolve(defaultInRun.get());
    }
}
