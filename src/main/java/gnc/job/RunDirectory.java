package gnc.job;

import gnc.spec.SpecException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A run directory: the resolved spec ({@code spec.json}) and one Parquet dataset per table.
 * Any Hadoop file system works (a local path, hdfs://, s3a://); on a multi-node cluster it must
 * be one every executor can write to.
 *
 * <p>Tables are written into {@code _staging/} (hidden from Spark's readers by its leading
 * underscore) and renamed into place once complete, so a crash never leaves a partial table that
 * a query would read as a result.
 */
public final class RunDirectory {
    public static final String SPEC_FILE = "spec.json";
    private static final String STAGING = "_staging";

    private final FileSystem fs;
    private final Path root;

    private RunDirectory(FileSystem fs, Path root) {
        this.fs = fs;
        this.root = root;
    }

    /** Opens (without creating) the run directory at location: a URI, or a local path. */
    public static RunDirectory at(String location, Configuration hadoopConf) {
        URI uri = URI.create(location.replace(" ", "%20"));
        Path p = uri.getScheme() == null || uri.getScheme().length() == 1
                ? new Path(Paths.get(location).toAbsolutePath().normalize().toUri())
                : new Path(location);
        try {
            return new RunDirectory(p.getFileSystem(hadoopConf), p);
        } catch (IOException e) {
            throw new SpecException("--run-dir " + location + ": no file system for it (" + e.getMessage() + ")");
        }
    }

    public String location() {
        return "file".equals(root.toUri().getScheme()) ? root.toUri().getPath() : root.toString();
    }

    /** Where table name lives once committed. */
    public String table(String name) {
        return new Path(root, name).toString();
    }

    /**
     * Makes the directory ready for a run of the spec given as its resolved JSON: refuses a
     * directory that holds another spec's results or anything that is not a gnc run, then records
     * the spec. Fails before any draw is made when the directory cannot be written.
     */
    public void claim(String specJson) {
        Path specFile = new Path(root, SPEC_FILE);
        try {
            if (fs.exists(root)) {
                if (!fs.getFileStatus(root).isDirectory()) {
                    throw new SpecException("--run-dir " + location() + " is a file, not a directory");
                }
                if (fs.exists(specFile)) {
                    String existing = read(specFile);
                    if (!existing.equals(specJson)) {
                        throw new SpecException("run directory " + location() + " holds the results of another spec ("
                                + firstLine(existing) + "); give another --run-dir");
                    }
                } else if (fs.listStatus(root).length > 0) {
                    throw new SpecException("run directory " + location()
                            + " is not empty and holds no gnc run (no spec.json); give another --run-dir");
                }
            }
            fs.mkdirs(root);
            Path tmp = new Path(root, "." + SPEC_FILE + ".tmp");
            try (OutputStream out = fs.create(tmp, true)) {
                out.write(specJson.getBytes(StandardCharsets.UTF_8));
            }
            fs.delete(specFile, false);
            if (!fs.rename(tmp, specFile)) {
                throw new IOException("cannot rename " + tmp + " to " + specFile);
            }
        } catch (IOException e) {
            throw new SpecException("cannot write run directory " + location() + ": " + e.getMessage());
        }
    }

    /** A fresh staging location for table name. */
    public String staging(String name) throws IOException {
        Path p = new Path(new Path(root, STAGING), name);
        fs.delete(p, true);
        return p.toString();
    }

    /** Moves the staged table into place, replacing an older copy. */
    public void commit(String name) throws IOException {
        Path staged = new Path(new Path(root, STAGING), name);
        Path target = new Path(root, name);
        fs.delete(target, true);
        if (!fs.rename(staged, target)) {
            throw new IOException("cannot move " + staged + " to " + target);
        }
        FileStatus[] left = fs.listStatus(new Path(root, STAGING));
        if (left.length == 0) {
            fs.delete(new Path(root, STAGING), false);
        }
    }

    private String read(Path p) throws IOException {
        try (InputStream in = fs.open(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String firstLine(String specJson) {
        int i = specJson.indexOf("\"name\"");
        int end = i < 0 ? -1 : specJson.indexOf('\n', i);
        return i < 0 ? "unnamed" : specJson.substring(i, end < 0 ? specJson.length() : end).replaceAll(",$", "").trim();
    }
}
