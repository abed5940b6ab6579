package gnc.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gnc.spec.JobSpec;
import gnc.spec.SpecException;
import gnc.spec.SpecJson;
import gnc.spec.SpecParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A run directory, for writing (a run) and reading (query, plot, export), on any Hadoop file system
 * (a local path, hdfs://, s3a://); on a multi-node cluster it must be one every executor can write to.
 * <pre>
 *   run.json            what job the directory holds (name, job and data keys): written once
 *   _lock               while a run is active (see {@link RunLock})
 *   _units/             every finished work unit (see {@link UnitFiles}); a run never deletes them
 *   tables/000007/      a committed generation: spec.json (the resolved spec) and one Parquet
 *                       folder per table
 *   _commits/000007.json  the commit marker of generation 7, written last; the newest marker names
 *                       the current tables
 *   _staging/           generations being written
 * </pre>
 * How a generation is written and committed so that readers never see a mix: {@link TableGenerations}.
 *
 * <p>Locations: a URI with a scheme (hdfs://nn/runs/x, file:/tmp/x) or a local path (relative to
 * the working directory), with any characters a file name may hold: spaces, non-ASCII letters, and
 * the glob characters * ? [ ] { }, which are escaped wherever a path goes to a Spark reader.
 */
public final class RunDirectory {
    public static final String IDENTITY = "run.json";
    public static final String SPEC_FILE = "spec.json";
    static final String TABLES = "tables";
    private static final String OLD_SPEC_FILE = "spec.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileSystem fs;
    private final Path root;
    private final String location;

    private RunDirectory(FileSystem fs, Path root, String location) {
        this.fs = fs;
        this.root = root;
        this.location = location;
    }

    /** The run directory at location (a URI, or a local path), whether or not it exists yet. */
    public static RunDirectory at(String location, Configuration hadoopConf) {
        Path p = hasScheme(location) ? new Path(location)
                : new Path(Paths.get(location).toAbsolutePath().normalize().toUri());
        String shown = "file".equals(p.toUri().getScheme()) ? Paths.get(p.toUri()).toString() : p.toString();
        try {
            return new RunDirectory(p.getFileSystem(hadoopConf), p, shown);
        } catch (IOException | RuntimeException e) {
            throw new SpecException(location + ": " + FileSystems.missing(p.toUri().getScheme(), e));
        }
    }

    /** The existing run directory at location, for reading; fails when it holds no gnc run. */
    public static RunDirectory open(String location, Configuration hadoopConf) {
        RunDirectory d = at(location, hadoopConf);
        try {
            if (!d.fs.exists(new Path(d.root, IDENTITY))) {
                boolean old = d.fs.exists(new Path(d.root, OLD_SPEC_FILE));
                throw new SpecException(location + " is not a gnc run directory (it has no " + IDENTITY + ")"
                        + (old ? "; it was written by an older gnc, whose layout this version does not read" : ""));
            }
        } catch (IOException e) {
            throw new SpecException("cannot read run directory " + location + ": " + e.getMessage());
        }
        return d;
    }

    private static boolean hasScheme(String location) {
        int colon = location.indexOf(':');
        return colon > 1 && location.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
    }

    /** The directory as people read it: a local path, or the URI. */
    public String location() {
        return location;
    }

    /** The directory as a URI string that every executor resolves the same way. */
    public String uri() {
        return root.toString();
    }

    FileSystem fileSystem() {
        return fs;
    }

    Path root() {
        return root;
    }

    /** The run directory as a local folder, when it is one. */
    public Optional<java.nio.file.Path> localDirectory() {
        return "file".equals(root.toUri().getScheme()) ? Optional.of(Paths.get(root.toUri())) : Optional.empty();
    }

    // ---- reading ---------------------------------------------------------------------------

    /** The current generation's name, or empty when no run has committed tables yet. */
    Optional<String> currentGeneration() throws IOException {
        return new TableGenerations(this).current();
    }

    private Path current() {
        try {
            return new Path(new Path(root, TABLES), currentGeneration().orElseThrow(() -> new SpecException(location
                    + " has no tables yet (a run writes its tables when it ends: run the spec again into this"
                    + " directory to finish it)")));
        } catch (IOException e) {
            throw new SpecException("cannot read run directory " + location + ": " + e.getMessage());
        }
    }

    /** The resolved spec of the current tables. */
    public JobSpec spec() {
        Path file = new Path(current(), SPEC_FILE);
        try {
            return SpecParser.parse(read(file), "run");
        } catch (IOException e) {
            throw new SpecException("cannot read " + file + ": " + e.getMessage());
        } catch (SpecException e) {
            throw new SpecException(file + " cannot be read: " + e.getMessage());
        }
    }

    /** Whether a run has committed tables here. */
    public boolean hasTables() {
        try {
            return currentGeneration().isPresent();
        } catch (IOException e) {
            throw new SpecException("cannot read run directory " + location + ": " + e.getMessage());
        }
    }

    /** The names of the current tables, sorted. */
    public List<String> tables() {
        Path gen = current();
        List<String> names = new ArrayList<>();
        try {
            for (FileStatus st : fs.listStatus(gen)) {
                if (st.isDirectory()) {
                    names.add(st.getPath().getName());
                }
            }
        } catch (IOException e) {
            throw new SpecException("cannot read run directory " + location + ": " + e.getMessage());
        }
        names.sort(null);
        return names;
    }

    /** Whether the current tables include name. */
    public boolean hasTable(String name) {
        return tables().contains(name);
    }

    /** Where current table name lives, as a path for Spark's readers (glob characters escaped). */
    public String table(String name) {
        if (!hasTable(name)) {
            throw new SpecException(location + " has no " + name + " table");
        }
        return forSpark(new Path(current(), name));
    }

    /** Where current table name lives, as people and other Parquet readers name it. */
    public String tableLocation(String name) {
        Path p = new Path(current(), name);
        return "file".equals(p.toUri().getScheme()) ? Paths.get(p.toUri()).toString() : p.toString();
    }

    /** A path as Spark's file readers take it: they expand glob characters, so those are escaped. */
    static String forSpark(Path p) {
        return p.toString().replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }

    // ---- writing ---------------------------------------------------------------------------

    /**
     * Makes the directory ready for a run of spec and takes its lock: the directory may be new,
     * empty, or hold a run of the same job (same data sets and draw streams: draws, seeds, eps, keep
     * settings or the sweep may differ), which this run continues or extends. Anything else is
     * refused, naming what is there, before anything is written.
     */
    public RunLock claim(JobSpec spec, Consumer<String> warn) {
        try {
            checkClaimable(spec);
            checkFreeSpace(neededBytes(spec));
            fs.mkdirs(root);
            RunLock lock = RunLock.acquire(fs, root, location, warn);
            try {
                checkClaimable(spec); // again, now that no other run can change it
                Path identity = new Path(root, IDENTITY);
                if (!fs.exists(identity)) {
                    writeAtomically(identity, identity(spec));
                }
                return lock;
            } catch (RuntimeException | IOException e) {
                lock.close();
                throw e;
            }
        } catch (IOException e) {
            if (isBadLocation(e)) {
                throw new SpecException("cannot write run directory " + location + ": " + e.getMessage());
            }
            throw new java.io.UncheckedIOException("cannot write run directory " + location + ": " + e.getMessage(), e);
        }
    }

    /** Whether e says the location cannot be a run directory (bad input), not that the storage failed. */
    private static boolean isBadLocation(IOException e) {
        String m = String.valueOf(e.getMessage());
        return e instanceof org.apache.hadoop.fs.ParentNotDirectoryException
                || e instanceof java.nio.file.AccessDeniedException
                || e instanceof org.apache.hadoop.security.AccessControlException
                || m.contains("Permission denied") || m.contains("Not a directory") || m.contains("Read-only file system");
    }

    private void checkClaimable(JobSpec spec) throws IOException {
        if (!fs.exists(root)) {
            return;
        }
        if (!fs.getFileStatus(root).isDirectory()) {
            throw new SpecException("--run-dir " + location + " is a file, not a directory");
        }
        Path identity = new Path(root, IDENTITY);
        if (fs.exists(identity)) {
            JsonNode id = JSON.readTree(read(identity));
            if (!hex(spec.jobKey()).equals(id.path("job_key").asText())
                    || !hex(spec.dataKey()).equals(id.path("data_key").asText())) {
                throw new SpecException("run directory " + location + " holds the results of another spec (\""
                        + id.path("name").asText() + "\", " + id.path("description").asText()
                        + "); give another --run-dir");
            }
            return;
        }
        if (fs.exists(new Path(root, OLD_SPEC_FILE))) {
            throw new SpecException("run directory " + location + " was written by an older gnc, whose layout this"
                    + " version does not read; give another --run-dir");
        }
        for (FileStatus st : fs.listStatus(root)) {
            if (!st.getPath().getName().equals(RunLock.NAME)) {
                throw new SpecException("run directory " + location
                        + " is not empty and holds no gnc run (no " + IDENTITY + "); give another --run-dir");
            }
        }
    }

    private static String identity(JobSpec spec) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", spec.name());
        o.put("description", JobDescription.of(spec));
        o.put("job_key", hex(spec.jobKey()));
        o.put("data_key", hex(spec.dataKey()));
        return o.toPrettyString() + "\n";
    }

    /** Bytes per work unit: its share of a unit file and of the tables, generously. */
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
            throw new SpecException("run directory " + location + ": " + problem);
        }
    }

    /** The complaint when free bytes (<= 0: unknown, as for object stores) cannot hold needed. */
    static String spaceProblem(long needed, long free) {
        if (free <= 0 || free >= needed) {
            return null;
        }
        return "the disk has " + (free >> 20) + " MiB free; this run needs about " + (needed >> 20) + " MiB";
    }

    /** A new generation of tables to write (see {@link TableGenerations}). */
    TableGenerations.Generation stage() throws IOException {
        return new TableGenerations(this).stage();
    }

    /** Writes text to file through a temporary name, so the file is either absent or whole. */
    void writeAtomically(Path file, String text) throws IOException {
        Path tmp = new Path(file.getParent(), "." + file.getName() + "." + java.util.UUID.randomUUID() + ".tmp");
        try (OutputStream out = fs.create(tmp, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        if (!fs.rename(tmp, file)) {
            fs.delete(tmp, false);
            throw new IOException("cannot move " + tmp + " to " + file);
        }
    }

    String read(Path p) throws IOException {
        try (InputStream in = fs.open(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String hex(long key) {
        return String.format("%016x", key);
    }
}
