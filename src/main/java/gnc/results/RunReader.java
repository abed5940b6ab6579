package gnc.results;

import gnc.spec.JobSpec;
import gnc.spec.SpecException;
import gnc.spec.SpecParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A finished run, read back: its resolved spec ({@code spec.json}) and its committed tables, on
 * any Hadoop file system (a local path, hdfs://, s3a://). Bad run directories are
 * IllegalArgumentExceptions whose message says what is missing.
 */
public final class RunReader {
    private static final String SPEC_FILE = "spec.json";
    private final SparkSession spark;
    private final FileSystem fs;
    private final Path root;
    private final String runDir;

    private RunReader(SparkSession spark, FileSystem fs, Path root, String runDir) {
        this.spark = spark;
        this.fs = fs;
        this.root = root;
        this.runDir = runDir;
    }

    /** The run at runDir (a URI, or a local path); fails when it holds no spec.json. */
    public static RunReader open(SparkSession spark, String runDir) {
        String location = runDir.contains("://") ? runDir
                : java.nio.file.Path.of(runDir).toAbsolutePath().normalize().toUri().toString();
        try {
            Path root = new Path(location);
            FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(new Path(root, SPEC_FILE))) {
                throw new IllegalArgumentException(runDir + " is not a gnc run directory (it has no " + SPEC_FILE + ")");
            }
            return new RunReader(spark, fs, root, runDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read run directory " + runDir, e);
        }
    }

    /** The resolved spec the run recorded. */
    public JobSpec spec() {
        String text;
        try (InputStream in = fs.open(new Path(root, SPEC_FILE))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + runDir + "/" + SPEC_FILE, e);
        }
        try {
            return SpecParser.parse(text, "run");
        } catch (SpecException e) {
            throw new IllegalArgumentException(runDir + "/" + SPEC_FILE + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Whether the run has committed table name (tables are committed together when a run ends). */
    public boolean hasTable(String name) {
        try {
            return fs.exists(new Path(new Path(root, name), "_SUCCESS"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read run directory " + runDir, e);
        }
    }

    /** A committed table of the run. */
    public Dataset<Row> table(String name) {
        if (!hasTable(name)) {
            throw new IllegalArgumentException(runDir + " has no " + name + " table (a run writes its tables when it"
                    + " ends: run the spec again into this directory to finish it)");
        }
        return spark.read().parquet(new Path(root, name).toString());
    }

    /** The run directory as a local folder, when it is one. */
    public Optional<java.nio.file.Path> localDirectory() {
        return "file".equals(root.toUri().getScheme()) ? Optional.of(java.nio.file.Path.of(root.toUri()))
                : Optional.empty();
    }
}
