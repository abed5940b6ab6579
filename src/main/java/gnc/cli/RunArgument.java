package gnc.cli;

import gnc.results.RunReader;
import gnc.spec.JobSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The run directory argument of plot and export, and where their output goes; problems are usage errors. */
final class RunArgument {
    private RunArgument() {
    }

    /** The one positional argument; a local directory is checked before Spark starts. */
    static String single(String command, Options o, String usage) {
        if (o.positional().size() != 1) {
            throw new UsageException(command + " takes one run directory, got " + o.positional().size()
                    + " arguments: usage: gnc " + usage);
        }
        String runDir = o.positional().get(0);
        if (!runDir.contains("://") && !Files.isRegularFile(Path.of(runDir, "spec.json"))) {
            throw new UsageException(runDir + " is not a gnc run directory (it has no spec.json)");
        }
        return runDir;
    }

    static RunReader open(SparkSession spark, String runDir) {
        try {
            return RunReader.open(spark, runDir);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static JobSpec spec(RunReader run) {
        try {
            return run.spec();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static Dataset<Row> table(RunReader run, String name) {
        try {
            return run.table(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** --out, else the default in the run directory (which must then be local), named by defaultInRun. */
    static Path output(Options o, String runDir, RunReader run, Supplier<String> defaultInRun) {
        if (o.string("--out") != null) {
            return Path.of(o.string("--out"));
        }
        if (run.localDirectory().isEmpty()) {
            throw new UsageException("the run directory " + runDir + " is not local: give --out for the file to write");
        }
        return Path.of(runDir).resolve(defaultInRun.get());
    }
}
