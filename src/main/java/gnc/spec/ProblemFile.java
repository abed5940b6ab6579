package gnc.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gnc.kernel.ProblemInstance;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.logging.log4j.LogManager;

/**
 * Problem instances read from a file instead of generated: seed s uses instance s. Two formats
 * (README, "Problem files"), told apart by the file name's extension:
 * <ul>
 *   <li>{@code .json}: {"rows": m, "cols": m', "instances": [{"ground_truth": [[..], ..],
 *       "measurements": [[[..], ..], ..], "test_basis": [[[..], ..], ..]}, ..]} with matrices as
 *       lists of rows; test_basis is optional;</li>
 *   <li>{@code .csv}: the header {@code seed,kind,index,row,col,value} and one line per entry,
 *       kind one of ground_truth, measurement, test_basis (optional), all numbers 0-based.</li>
 * </ul>
 * Labels are y_i = <A_i, W*>. Without a test basis, the orthonormal basis of the complement of
 * span{A_i} is computed as for generated problems; a given one must be orthonormal, orthogonal to
 * every measurement (to float32 precision: see ProblemFileReader's tolerances; one off by more
 * than double rounding is re-orthonormalized in double, and the log says so) and of size
 * m m' - n. Every problem is reported with the entry it concerns.
 *
 * @param path   the file, absolute
 * @param sha256 of the file's bytes: the identity of the data sets
 */
public record ProblemFile(String path, String sha256, int rows, int cols, List<ProblemInstance> instances)
        implements Serializable {

    static final String[] CSV_HEADER = {"seed", "kind", "index", "row", "col", "value"};

    public int measurements() {
        return instances.get(0).measurementCount();
    }

    /** Reads and validates a problem file. */
    public static ProblemFile read(Path file) {
        byte[] bytes;
        try {
            bytes = FileBytes.read(file, FileBytes.MAX_PROBLEM_FILE_BYTES, "problem file");
        } catch (IOException | SecurityException e) {
            throw new SpecException("cannot read problem file " + file + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String where = "problem file " + file + ": ";
        ProblemFileReader reader;
        if (name.endsWith(".json")) {
            reader = ProblemFileReader.json(new String(bytes, StandardCharsets.UTF_8), where);
        } else if (name.endsWith(".csv")) {
            reader = ProblemFileReader.csv(new String(bytes, StandardCharsets.UTF_8), where);
        } else {
            throw new SpecException(where + "the name must end in .json or .csv");
        }
        reader.notes().forEach(LogManager.getLogger(ProblemFile.class)::info);
        return new ProblemFile(file.toAbsolutePath().normalize().toString(), sha256(bytes), reader.rows(),
                reader.cols(), reader.instances());
    }

    /** Writes instances (seed s = instances[s]) with their test bases, as JSON or CSV by the name's extension. */
    public static void write(List<ProblemInstance> instances, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            Files.writeString(file, csv(instances));
        } else if (name.endsWith(".json")) {
            Files.writeString(file, json(instances));
        } else {
            throw new SpecException("problem file " + file + ": the name must end in .json or .csv");
        }
    }

    private static String json(List<ProblemInstance> instances) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ProblemInstance first = instances.get(0);
        root.put("rows", first.rows());
        root.put("cols", first.cols());
        ArrayNode list = root.putArray("instances");
        for (ProblemInstance p : instances) {
            ObjectNode o = list.addObject();
            matrix(o.putArray("ground_truth"), p.groundTruth(), 0, p.rows(), p.cols());
            matrices(o.putArray("measurements"), p.measurements(), p);
            matrices(o.putArray("test_basis"), p.testBasis(), p);
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void matrices(ArrayNode out, double[] stacked, ProblemInstance p) {
        int dim = p.dimension();
        for (int i = 0; i < stacked.length / dim; i++) {
            matrix(out.addArray(), stacked, i * dim, p.rows(), p.cols());
        }
    }

    private static void matrix(ArrayNode out, double[] values, int from, int rows, int cols) {
        for (int a = 0; a < rows; a++) {
            ArrayNode row = out.addArray();
            for (int b = 0; b < cols; b++) {
                row.add(values[from + a * cols + b]);
            }
        }
    }

    private static String csv(List<ProblemInstance> instances) {
        StringBuilder out = new StringBuilder(String.join(",", CSV_HEADER)).append('\n');
        for (int s = 0; s < instances.size(); s++) {
            ProblemInstance p = instances.get(s);
            csvMatrices(out, s, "ground_truth", p.groundTruth(), p);
            csvMatrices(out, s, "measurement", p.measurements(), p);
            csvMatrices(out, s, "test_basis", p.testBasis(), p);
        }
        return out.toString();
    }

    private static void csvMatrices(StringBuilder out, int seed, String kind, double[] stacked, ProblemInstance p) {
        int dim = p.dimension();
        for (int i = 0; i < stacked.length / dim; i++) {
            for (int a = 0; a < p.rows(); a++) {
                for (int b = 0; b < p.cols(); b++) {
                    out.append(seed).append(',').append(kind).append(',').append(i).append(',').append(a).append(',')
                            .append(b).append(',').append(stacked[i * dim + a * p.cols() + b]).append('\n');
                }
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
