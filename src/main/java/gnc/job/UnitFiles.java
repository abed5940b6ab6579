package gnc.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32C;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The finished work units of a run: {@code RUN/_units/*.units}, one file per task (a batch of
 * units), the run's checkpoint. A run never deletes them: units of other settings stay for a later
 * run, and each run reads exactly the units its spec needs.
 *
 * <p>A file proves itself whole and its own. It is JSON lines:
 * <pre>
 *   {"gnc_unit_file": 1, "method": "gnc", "units": 3}
 *   {"fingerprint": "0123456789ab", "row": {"method": "gnc", "width": 5, ..., "block": 0, ...}}
 *   ... one line per unit ...
 *   {"crc32c": "1a2b3c4d", "units": 3}
 * </pre>
 * Each unit's line carries its identity (its row's method, point, seed and index) and the
 * fingerprint of what its result depends on; the last line the CRC-32C of every byte before it. A
 * file is written under a temporary name and renamed into place, so it is either absent or whole;
 * one that fails its checksum, its header or its rows' schema is set aside ({@code .corrupt}) and
 * its units recomputed. Retried tasks write the same units under the same name.
 */
final class UnitFiles implements Serializable {
    private static final long serialVersionUID = 2L;
    static final String DIR = "_units";
    static final String SUFFIX = ".units";
    static final String CORRUPT = ".corrupt";
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String root;
    private final HadoopConf conf;

    UnitFiles(String runDirectory, HadoopConf conf) {
        this.root = new Path(runDirectory, DIR).toString();
        this.conf = conf;
    }

    String directory() {
        return root;
    }

    private FileSystem fs() throws IOException {
        return new Path(root).getFileSystem(conf.get());
    }

    /** Names of the unit files present (not temporary, not set aside), sorted. */
    List<String> list() throws IOException {
        Path dir = new Path(root);
        FileSystem fs = fs();
        List<String> names = new ArrayList<>();
        if (fs.exists(dir)) {
            for (FileStatus st : fs.listStatus(dir)) {
                String n = st.getPath().getName();
                if (n.endsWith(SUFFIX) && !n.startsWith(".")) {
                    names.add(n);
                }
            }
        }
        names.sort(null);
        return names;
    }

    /**
     * Deletes the temporary files of tasks that died before renaming theirs into place; called with
     * the run directory's lock held, when no task of any run can be writing.
     */
    void removeTemporaries() throws IOException {
        Path dir = new Path(root);
        FileSystem fs = fs();
        if (fs.exists(dir)) {
            for (FileStatus st : fs.listStatus(dir)) {
                if (st.getPath().getName().startsWith(".") && st.getPath().getName().endsWith(".tmp")) {
                    fs.delete(st.getPath(), false);
                }
            }
        }
    }

    /** Sets a damaged file aside (renamed to NAME.corrupt), so that no run reads it again. */
    void setAside(String name) throws IOException {
        FileSystem fs = fs();
        fs.rename(new Path(root, name), new Path(root, name + CORRUPT));
    }

    /** A unit file being written: lines go to a temporary file until {@link #commit()}. */
    final class Writer implements AutoCloseable {
        private final FileSystem fs;
        private final Path target;
        private final Path tmp;
        private final OutputStream out;
        private final CRC32C crc = new CRC32C();
        private int units;
        private boolean committed;

        private Writer(String name, String method, int count) throws IOException {
            this.fs = fs();
            this.target = new Path(root, name);
            this.tmp = new Path(root, "." + name + "." + UUID.randomUUID() + ".tmp");
            this.out = fs.create(tmp, true);
            ObjectNode header = JSON.createObjectNode();
            header.put("gnc_unit_file", FORMAT);
            header.put("method", method);
            header.put("units", count);
            line(header.toString());
        }

        /** Appends a unit: its fingerprint and its row as JSON text. */
        void add(String fingerprint, String rowJson) throws IOException {
            line("{\"fingerprint\":\"" + fingerprint + "\",\"row\":" + rowJson + "}");
            units++;
        }

        private void line(String text) throws IOException {
            byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
            crc.update(bytes);
            out.write(bytes);
        }

        /** Writes the trailer and moves the file into place. */
        void commit() throws IOException {
            out.write(("{\"crc32c\":\"" + String.format("%08x", crc.getValue()) + "\",\"units\":" + units + "}\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.close();
            if (!fs.rename(tmp, target)) {
                fs.delete(tmp, false);
                if (!fs.exists(target)) {
                    throw new IOException("cannot move " + tmp + " to " + target);
                }
            }
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                out.close();
                fs.delete(tmp, false);
            }
        }
    }

    Writer create(String name, String method, int units) throws IOException {
        return new Writer(name, method, units);
    }

    /** One unit of a file: its fingerprint and its row's JSON object. */
    record Line(String fingerprint, JsonNode row) {
    }

    /** A file that is not whole or not a unit file; the message says why. */
    static final class Damaged extends Exception {
        private static final long serialVersionUID = 1L;

        Damaged(String why) {
            super(why);
        }
    }

    /**
     * The units of a file, after checking that it is whole: the checksum over every byte before
     * the trailer, the header, and each line's shape (not yet its row's schema, which its estimator
     * checks). Throws Damaged, saying why, otherwise.
     */
    List<Line> read(String name) throws IOException, Damaged {
        FileSystem fs = fs();
        Path file = new Path(root, name);
        if (!fs.getFileStatus(file).isFile()) {
            throw new Damaged("it is not a file");
        }
        byte[] bytes;
        try (InputStream in = fs.open(file)) {
            bytes = in.readAllBytes();
        } catch (org.apache.hadoop.fs.ChecksumException e) {
            throw new Damaged("it does not match its file system checksum (the file was changed or damaged)");
        }
        int end = bytes.length;
        if (end == 0 || bytes[end - 1] != '\n') {
            throw new Damaged("it is empty or truncated (no final line)");
        }
        int trailerStart = end - 1;
        while (trailerStart > 0 && bytes[trailerStart - 1] != '\n') {
            trailerStart--;
        }
        JsonNode trailer = parse(new String(bytes, trailerStart, end - trailerStart, StandardCharsets.UTF_8), "trailer");
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, trailerStart);
        if (!trailer.path("crc32c").asText().equals(String.format("%08x", crc.getValue()))) {
            throw new Damaged("its checksum does not match its content (the file was changed or damaged)");
        }
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ByteArrayInputStream(bytes, 0, trailerStart), StandardCharsets.UTF_8))) {
            JsonNode header = parse(reader.readLine(), "header");
            if (header.path("gnc_unit_file").asInt() != FORMAT || !header.path("method").isTextual()) {
                throw new Damaged("its header is not that of a unit file of format " + FORMAT);
            }
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                JsonNode line = parse(text, "line " + (lines.size() + 2));
                if (!line.path("fingerprint").isTextual() || !line.path("row").isObject()) {
                    throw new Damaged("line " + (lines.size() + 2) + " is not a unit");
                }
                lines.add(new Line(line.get("fingerprint").asText(), line.get("row")));
            }
            int declared = header.path("units").asInt(-1);
            if (declared != lines.size() || trailer.path("units").asInt(-1) != lines.size()) {
                throw new Damaged("it declares " + declared + " units but holds " + lines.size());
            }
        }
        return lines;
    }

    private static JsonNode parse(String text, String what) throws Damaged {
        try {
            JsonNode n = text == null ? null : JSON.readTree(text);
            if (n == null || !n.isObject()) {
                throw new Damaged("its " + what + " is not a JSON object");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Damaged("its " + what + " is not valid JSON");
        }
    }
}
