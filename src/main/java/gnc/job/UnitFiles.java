package gnc.job;

import gnc.estimator.WorkUnit;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The finished work units of a run, one small JSON file each in {@code RUN/_units/}: the run's
 * checkpoint. A task writes its unit's file under a temporary name and renames it into place, so
 * a file either holds a whole result or does not exist. The name carries a fingerprint of
 * everything the result depends on, so a restarted or extended run recomputes exactly the units
 * whose file is missing, and a file left from other settings is never taken for a result.
 * Retried or speculative tasks write identical bytes (results are deterministic), so whichever
 * copy lands is right.
 */
final class UnitFiles implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String DIR = "_units";

    private final String root;
    private final HadoopConf conf;

    UnitFiles(String runDirectory, HadoopConf conf) {
        this.root = new Path(runDirectory, DIR).toString();
        this.conf = conf;
    }

    /** The unit's file name: method, point, seed, index and fingerprint. */
    static String name(WorkUnit u, String fingerprint) {
        return u.method() + "-w" + u.width() + "-d" + u.depth() + "-s" + u.seed() + "-b" + u.index() + "-"
                + fingerprint + ".json";
    }

    String directory() {
        return root;
    }

    /** The file-name pattern of a method's unit files, for Spark's pathGlobFilter. */
    static String pattern(String method) {
        return method + "-*.json";
    }

    /** Names of the unit files present. */
    Set<String> present() throws IOException {
        Path dir = new Path(root);
        FileSystem fs = dir.getFileSystem(conf.get());
        Set<String> names = new HashSet<>();
        if (fs.exists(dir)) {
            for (FileStatus st : fs.listStatus(dir)) {
                String n = st.getPath().getName();
                if (n.endsWith(".json") && !n.startsWith(".")) {
                    names.add(n);
                }
            }
        }
        return names;
    }

    /** Writes one unit's JSON document atomically (temporary name, then rename). */
    void write(String name, String json) throws IOException {
        Path target = new Path(root, name);
        FileSystem fs = target.getFileSystem(conf.get());
        Path tmp = new Path(root, "." + name + "." + java.util.UUID.randomUUID() + ".tmp");
        try (OutputStream out = fs.create(tmp, true)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        if (!fs.rename(tmp, target)) {
            fs.delete(tmp, false);
            if (!fs.exists(target)) {
                throw new IOException("cannot move " + tmp + " to " + target);
            }
        }
    }

    /** Deletes unit files not in keep (results of other settings) and leftover temporary files. */
    void deleteAllBut(Set<String> keep) throws IOException {
        Path dir = new Path(root);
        FileSystem fs = dir.getFileSystem(conf.get());
        if (!fs.exists(dir)) {
            return;
        }
        for (FileStatus st : fs.listStatus(dir)) {
            if (!keep.contains(st.getPath().getName())) {
                fs.delete(st.getPath(), false);
            }
        }
    }
}
