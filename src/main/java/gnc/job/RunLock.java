package gnc.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gnc.spec.SpecException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One run at a time in a run directory: the file {@code RUN/_lock}, created exclusively (a second
 * run refuses to start, naming the owner), holding its owner (host, process id, start time), its
 * modification time refreshed every {@value #HEARTBEAT_SECONDS} s while the run lives.
 *
 * <p>Stale locks: a lock whose heartbeat is older than {@value #STALE_SECONDS} s, or whose owner
 * ran on this host in a process that no longer exists (a run killed with kill -9), is taken over,
 * with a warning. The takeover renames the stale file away first: of two runs taking over the same
 * stale lock only one rename succeeds, so only one proceeds.
 *
 * <p>Exclusive creation is atomic on local disks (O_EXCL) and on HDFS; object stores without
 * conditional writes (S3A before hadoop 3.4's conditional create) give no such guarantee, so there
 * the lock only guards against the common mistake, not a deliberate race.
 */
final class RunLock implements AutoCloseable {
    static final String NAME = "_lock";
    static final int HEARTBEAT_SECONDS = 10;
    static final int STALE_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileSystem fs;
    private final Path file;
    private final String owner;
    private final ScheduledExecutorService heartbeat;

    private RunLock(FileSystem fs, Path file, String owner) {
        this.fs = fs;
        this.file = file;
        this.owner = owner;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gnc-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleAtFixedRate(this::touch, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Takes the lock of the run directory at root (which must exist), or fails with one line
     * naming the run that holds it. warn receives a line when a stale lock is taken over.
     */
    static RunLock acquire(FileSystem fs, Path root, String location, java.util.function.Consumer<String> warn)
            throws IOException {
        Path file = new Path(root, NAME);
        String owner = ownerText();
        if (create(fs, file, owner)) {
            return new RunLock(fs, file, owner);
        }
        JsonNode holder = read(fs, file);
        long ageSeconds = (System.currentTimeMillis() - modified(fs, file)) / 1000;
        String who = describe(holder, ageSeconds);
        if (!isStale(holder, ageSeconds)) {
            throw new SpecException("run directory " + location + " is in use by another gnc run (" + who
                    + "): wait for it to end, or give another --run-dir");
        }
        Path aside = new Path(root, NAME + ".stale-" + UUID.randomUUID());
        if (!fs.rename(file, aside) || !create(fs, file, owner)) {
            throw new SpecException("run directory " + location + " is in use by another gnc run that has just"
                    + " started: wait for it to end, or give another --run-dir");
        }
        fs.delete(aside, false);
        warn.accept("took over the stale lock of " + location + " (" + who + ")");
        return new RunLock(fs, file, owner);
    }

    /** Gives the lock back, if it is still this run's. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            JsonNode now = read(fs, file);
            if (now != null && JSON.readTree(owner).equals(now)) {
                fs.delete(file, false);
            }
        } catch (IOException e) {
            // The lock then goes stale and is taken over by the next run.
        }
    }

    private void touch() {
        try {
            fs.setTimes(file, System.currentTimeMillis(), -1);
        } catch (IOException e) {
            // A missed heartbeat is harmless unless STALE_SECONDS pass without one.
        }
    }

    /**
     * Creates file with content, failing (false) when it exists: atomically where the file system
     * can. A lock created but not written (a full disk) is removed again: left empty, it would
     * look like the lock of a run that has just started and block the next run for
     * {@value #STALE_SECONDS} s.
     */
    private static boolean create(FileSystem fs, Path file, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if ("file".equals(file.toUri().getScheme())) {
            java.nio.file.Path local;
            try {
                local = Files.createFile(Paths.get(file.toUri()));
            } catch (FileAlreadyExistsException e) {
                return false;
            }
            try {
                Files.write(local, bytes);
            } catch (IOException e) {
                Files.deleteIfExists(local);
                throw e;
            }
            return true;
        }
        OutputStream out;
        try {
            out = fs.create(file, false);
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        }
        try (out) {
            out.write(bytes);
        } catch (IOException e) {
            fs.delete(file, false);
            throw e;
        }
        return true;
    }

    private static boolean isStale(JsonNode holder, long ageSeconds) {
        if (ageSeconds > STALE_SECONDS) {
            return true;
        }
        if (holder == null) {
            return false; // being written by a run that has just started
        }
        boolean here = hostName().equals(holder.path("host").asText());
        return here && ProcessHandle.of(holder.path("pid").asLong()).isEmpty();
    }

    private static String describe(JsonNode holder, long ageSeconds) {
        String who = holder == null ? "owner unreadable"
                : "host " + holder.path("host").asText() + ", pid " + holder.path("pid").asText() + ", started "
                    + holder.path("started").asText();
        return who + ", last seen " + ageSeconds + " s ago";
    }

    private static JsonNode read(FileSystem fs, Path file) {
        try (InputStream in = fs.open(file)) {
            JsonNode holder = JSON.readTree(new String(in.readNBytes(4096), StandardCharsets.UTF_8));
            return holder != null && holder.isObject() ? holder : null; // empty or not ours: unreadable
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long modified(FileSystem fs, Path file) {
        try {
            return fs.getFileStatus(file).getModificationTime();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String ownerText() {
        ObjectNode o = JSON.createObjectNode();
        o.put("host", hostName());
        o.put("pid", ProcessHandle.current().pid());
        o.put("started", Instant.now().toString());
        return o.toString();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
