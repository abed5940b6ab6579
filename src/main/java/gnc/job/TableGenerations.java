package gnc.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gnc.spec.JobSpec;
import gnc.spec.SpecJson;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The generations of a run directory's tables. A generation N is written into
 * {@code _staging/N/}, moved whole to {@code tables/N/} (one rename), and committed by writing its
 * marker {@code _commits/N.json} last; the newest marker names the current tables. So a reader that
 * follows the newest marker sees one complete generation, never a mix, whatever moment a crash
 * chose: before the marker exists the previous generation is current and untouched. After a
 * commit the generations older than the one it replaced go, with table folders no marker names (a
 * crash between the move and the marker) and staging leftovers: tables are derived from the unit
 * files and can always be built again.
 */
final class TableGenerations {
    static final String TABLES = RunDirectory.TABLES;
    static final String COMMITS = "_commits";
    static final String STAGING = "_staging";
    private static final String NUMBER = "\\d{6}(\\.json)?";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunDirectory dir;
    private final FileSystem fs;
    private final Path root;

    TableGenerations(RunDirectory dir) {
        this.dir = dir;
        this.fs = dir.fileSystem();
        this.root = dir.root();
    }

    /** The current generation's name (six digits), or empty when none was committed. */
    Optional<String> current() throws IOException {
        Path commits = new Path(root, COMMITS);
        if (!fs.exists(commits)) {
            return Optional.empty();
        }
        TreeSet<String> names = new TreeSet<>();
        for (FileStatus st : fs.listStatus(commits)) {
            String n = st.getPath().getName();
            if (n.matches("\\d{6}\\.json")) {
                names.add(n.substring(0, 6));
            }
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(names.last());
    }

    /** A new generation, numbered after every generation present (committed or not). */
    Generation stage() throws IOException {
        int last = 0;
        for (String folder : List.of(TABLES, COMMITS, STAGING)) {
            Path d = new Path(root, folder);
            if (fs.exists(d)) {
                for (FileStatus st : fs.listStatus(d)) {
                    String n = st.getPath().getName();
                    if (n.matches(NUMBER)) {
                        last = Math.max(last, Integer.parseInt(n.substring(0, 6)));
                    }
                }
            }
        }
        String name = String.format("%06d", last + 1);
        Path staging = new Path(new Path(root, STAGING), name);
        fs.delete(staging, true);
        return new Generation(name, staging);
    }

    /** A generation being written: its tables go to {@link #path}; {@link #commit} makes it current. */
    final class Generation {
        private final String name;
        private final Path staging;

        private Generation(String name, Path staging) {
            this.name = name;
            this.staging = staging;
        }

        /** Where to write table (Spark's writers take paths literally); its folder must not exist yet. */
        String path(String table) {
            return new Path(staging, table).toString();
        }

        /** Where table was written, for Spark's readers (which expand glob characters). */
        String readPath(String table) {
            return RunDirectory.forSpark(new Path(staging, table));
        }

        /** Records spec with the tables, moves the generation into place, writes its marker, tidies up. */
        void commit(JobSpec spec) throws IOException {
            dir.writeAtomically(new Path(staging, RunDirectory.SPEC_FILE), SpecJson.write(spec));
            Path tables = new Path(root, TABLES);
            fs.mkdirs(tables);
            Path target = new Path(tables, name);
            if (!fs.rename(staging, target)) {
                throw new IOException("cannot move " + staging + " to " + target);
            }
            String previous = current().orElse(name);
            ObjectNode marker = JSON.createObjectNode();
            marker.put("generation", name);
            marker.put("committed", Instant.now().toString());
            dir.writeAtomically(new Path(new Path(root, COMMITS), name + ".json"), marker.toPrettyString() + "\n");
            removeOlderThan(previous);
        }
    }

    /**
     * Deletes generations older than keep (tables and markers), table folders that no marker names,
     * staging leftovers and temporary files.
     */
    private void removeOlderThan(String keep) throws IOException {
        Path markers = new Path(root, COMMITS);
        for (String folder : List.of(TABLES, COMMITS, STAGING)) {
            Path d = new Path(root, folder);
            if (!fs.exists(d)) {
                continue;
            }
            for (FileStatus st : fs.listStatus(d)) {
                String n = st.getPath().getName();
                boolean generation = n.matches(NUMBER);
                boolean older = generation && n.substring(0, 6).compareTo(keep) < 0;
                boolean unmarked = folder.equals(TABLES) && generation && !fs.exists(new Path(markers, n + ".json"));
                if (older || unmarked || folder.equals(STAGING) || n.endsWith(".tmp")) {
                    fs.delete(st.getPath(), true);
                }
            }
        }
    }
}
