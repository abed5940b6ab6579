package gnc.job;

import gnc.spec.JobSpec;
import gnc.spec.SpecException;
import gnc.spec.SpecJson;
import gnc.spec.SpecParser;
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
 * A run directory: the resolved spec ({@code spec.json}), the finished work units
 * ({@code _units/}, see {@link UnitFiles}) and one Parquet dataset per table.
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
                ? new Path("file", null, Paths.get(location).toAbsolutePath().normalize().toString())
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
     * Makes the directory ready for a run of spec and records it in spec.json. The directory may
     * be new, empty, or hold a run of the same job (same data sets and draw streams: only draws,
     * seeds, eps, keep settings or the sweep list differ), which this run continues or extends.
     * Anything else is refused, naming what is there. Fails before any draw is made when the
     * directory cannot be written.
     */
    public void claim(JobSpec spec) {
        Path specFile = new Path(root, SPEC_FILE);
        try {
            if (fs.exists(root)) {
                if (!fs.getFileStatus(root).isDirectory()) {
                    throw new SpecException("--run-dir " + location() + " is a file, not a directory");
                }
                if (fs.exists(specFile)) {
                    checkSameJob(read(specFile), spec);
                } else if (fs.listStatus(root).length > 0) {
                    throw new SpecException("run directory " + location()
                            + " is not empty and holds no gnc run (no spec.json); give another --run-dir");
                }
            }
            checkFreeSpace(neededBytes(spec));
            fs.mkdirs(root);
            Path tmp = new Path(root, "." + SPEC_FILE + ".tmp");
            try (OutputStream out = fs.create(tmp, true)) {
                out.write(SpecJson.write(spec).getBytes(StandardCharsets.UTF_8));
            }
            fs.delete(specFile, false);
            if (!fs.rename(tmp, specFile)) {
                throw new IOException("cannot rename " + tmp + " to " + specFile);
            }
        } catch (IOException e) {
            throw new SpecException("cannot write run directory " + location() + ": " + e.getMessage());
        }
    }

    /** Bytes per work unit: its unit file and its share of the tables, generously. */
    static final long BYTES_PER_UNIT = 2_048;
    /** Room for the tables' fixed overhead and the kept draws of a typical run. */
    static final long BYTES_MARGIN = 64L << 20;

    /** A rough upper estimate of what a run of spec writes. */
    static long neededBytes(JobSpec spec) {
        long units = spec.gnc().blocksPerTrial() * spec.seeds() * spec.sweep().values().size();
        return units * BYTES_PER_UNIT + BYTES_MARGIN;
    }

    /** Fails before any draw when the file system has clearly too little room left. */
    private void checkFreeSpace(long needed) throws IOException {
        Path existing = root;
        while (existing != null && !fs.exists(existing)) {
            existing = existing.getParent();
        }
        long free = existing == null ? -1 : fs.getStatus(existing).getRemaining();
        String problem = spaceProblem(needed, free);
        if (problem != null) {
            throw new SpecException("run directory " + location() + ": " + problem);
        }
    }

    /** The complaint when free bytes (<= 0: unknown, as for object stores) cannot hold needed. */
    static String spaceProblem(long needed, long free) {
        if (free <= 0 || free >= needed) {
            return null;
        }
        return "the disk has " + (free >> 20) + " MiB free; this run needs about " + (needed >> 20) + " MiB";
    }

    private void checkSameJob(String existingJson, JobSpec spec) {
        JobSpec existing;
        try {
            existing = SpecParser.parse(existingJson, "existing");
        } catch (SpecException e) {
            throw new SpecException("run directory " + location() + " holds a spec.json this version cannot read ("
                    + e.getMessage() + "); give another --run-dir");
        }
        if (existing.jobKey() != spec.jobKey() || existing.dataKey() != spec.dataKey()) {
            throw new SpecException("run directory " + location() + " holds the results of another spec (\""
                    + existing.name() + "\", " + JobDescription.of(existing) + "); give another --run-dir");
        }
    }

    /** The directory as a URI string that every executor resolves the same way. */
    public String uri() {
        return root.toString();
    }

    /** A fresh (emptied) staging location to write table name into. */
    public String staging(String name) throws IOException {
        Path p = new Path(new Path(root, STAGING), name);
        fs.delete(p, true);
        return p.toString();
    }

    /** Where table name was staged, to read it back before the commit. */
    public String staged(String name) {
        return new Path(new Path(root, STAGING), name).toString();
    }

    /**
     * Moves every staged table into place, replacing older copies, then removes the staging
     * folder. Each move is one rename; a table is never seen half-written.
     */
    public void commitStaged() throws IOException {
        Path staging = new Path(root, STAGING);
        for (FileStatus st : fs.listStatus(staging)) {
            Path target = new Path(root, st.getPath().getName());
            fs.delete(target, true);
            if (!fs.rename(st.getPath(), target)) {
                throw new IOException("cannot move " + st.getPath() + " to " + target);
            }
        }
        fs.delete(staging, true);
    }

    private String read(Path p) throws IOException {
        try (InputStream in = fs.open(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
