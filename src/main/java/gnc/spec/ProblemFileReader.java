package gnc.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import gnc.kernel.ProblemGenerator;
import gnc.kernel.ProblemInstance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Parses and validates the two problem file formats of {@link ProblemFile}. Syntax errors point
 * at the JSON path or CSV line; content errors at the seed, matrix and entry.
 */
final class ProblemFileReader {
    /** How far from orthonormal a given test basis may be and still be used exactly as given. */
    static final double BASIS_TOLERANCE = 1e-9;
    /**
     * How far from orthonormal it may be at all: data stored as float32 (NumPy, PyTorch) is
     * orthonormal only to its rounding, about sqrt(m m') 2^-24 (1.9e-6 at the largest shape,
     * 32 x 32); a wrong basis is off by far more. Between the two tolerances the basis is
     * re-orthonormalized in double (see {@link #reorthonormalized}).
     */
    static final double FLOAT32_BASIS_TOLERANCE = 1e-5;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /** A file's matrix shape, within the spec's limits. */
    private static final Field.Int ROWS = Field.Int.required("rows", 1, JobFields.ROWS.max(), "", "m");
    private static final Field.Int COLS = Field.Int.required("cols", 1, JobFields.COLS.max(), "", "m'");

    private final String where;
    private final int rows;
    private final int cols;
    private final List<ProblemInstance> instances = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** One seed's matrices, vec'd row-major; basis is null when the file gives none. */
    private record Raw(double[] truth, List<double[]> measurements, List<double[]> basis) {
    }

    private ProblemFileReader(String where, int rows, int cols, List<Raw> raws) {
        this.where = where;
        this.rows = rows;
        this.cols = cols;
        if (raws.isEmpty()) {
            throw fail("it holds no instances");
        }
        for (int s = 0; s < raws.size(); s++) {
            instances.add(build(s, raws.get(s), raws.get(0).measurements().size()));
        }
    }

    int rows() {
        return rows;
    }

    int cols() {
        return cols;
    }

    List<ProblemInstance> instances() {
        return instances;
    }

    /** What was done to the data as read, for the log: one line per re-orthonormalized test basis. */
    List<String> notes() {
        return notes;
    }

    private SpecException fail(String message) {
        return new SpecException(where + message);
    }

    private ProblemInstance build(int seed, Raw raw, int n) {
        int dim = rows * cols;
        String s = "seed " + seed + ": ";
        if (raw.measurements().size() != n) {
            throw fail(s + raw.measurements().size() + " measurements, but seed 0 has " + n);
        }
        if (n < 1 || n >= dim) {
            throw fail(s + n + " measurements; there must be 1.." + (dim - 1) + " (fewer than rows * cols = " + dim
                    + ", so that a test set remains)");
        }
        double[] a = stack(raw.measurements(), dim);
        try {
            ProblemGenerator.checkIndependent(a, n, dim);
        } catch (IllegalArgumentException e) {
            throw fail(s + e.getMessage());
        }
        double[] basis;
        if (raw.basis() == null) {
            basis = ProblemGenerator.orthogonalComplement(a, n, dim);
        } else {
            if (raw.basis().size() != dim - n) {
                throw fail(s + "test_basis has " + raw.basis().size() + " matrices, expected rows * cols - n = "
                        + (dim - n));
            }
            double deviation = checkBasis(s, raw.basis(), raw.measurements());
            if (deviation <= BASIS_TOLERANCE) {
                basis = stack(raw.basis(), dim);
            } else {
                basis = reorthonormalized(raw.basis(), ProblemGenerator.orthogonalComplement(a, n, dim), dim);
                notes.add(where + s + "test_basis is orthonormal only to " + String.format("%.1e", deviation)
                        + " (float32 data?): re-orthonormalized in double");
            }
        }
        return new ProblemInstance(rows, cols, raw.truth(), a, basis);
    }

    /**
     * The largest deviation of the given basis from an orthonormal basis of the complement of the
     * measurements: of a norm from 1, of an inner product with another basis matrix or with a
     * normalized measurement from 0. Fails naming the first entry beyond FLOAT32_BASIS_TOLERANCE.
     */
    private double checkBasis(String s, List<double[]> basis, List<double[]> measurements) {
        String allowed = "; at most " + FLOAT32_BASIS_TOLERANCE + " is allowed";
        double deviation = 0;
        for (int i = 0; i < basis.size(); i++) {
            double norm = Math.sqrt(dot(basis.get(i), basis.get(i)));
            if (Math.abs(norm - 1) > FLOAT32_BASIS_TOLERANCE) {
                throw fail(s + "test_basis " + i + " has norm " + norm + ", expected 1 to within " + FLOAT32_BASIS_TOLERANCE);
            }
            deviation = Math.max(deviation, Math.abs(norm - 1));
            for (int j = 0; j < i; j++) {
                double d = dot(basis.get(i), basis.get(j));
                if (Math.abs(d) > FLOAT32_BASIS_TOLERANCE) {
                    throw fail(s + "test_basis " + j + " and " + i + " are not orthogonal (inner product " + d + ")"
                            + allowed);
                }
                deviation = Math.max(deviation, Math.abs(d));
            }
            for (int j = 0; j < measurements.size(); j++) {
                double d = dot(basis.get(i), measurements.get(j)) / Math.sqrt(dot(measurements.get(j), measurements.get(j)));
                if (Math.abs(d) > FLOAT32_BASIS_TOLERANCE) {
                    throw fail(s + "test_basis " + i + " is not orthogonal to measurement " + j
                            + " (inner product with it normalized: " + d + ")" + allowed);
                }
                deviation = Math.max(deviation, Math.abs(d));
            }
        }
        return deviation;
    }

    /**
     * The nearby orthonormal basis, in double, of the test subspace: each given matrix projected
     * onto the complement of the measurements' span (complement: an exact orthonormal basis of
     * it), then Gram-Schmidt against the ones before it, twice for accuracy. The subspace is
     * the complement itself, so the test loss is the one the data means; the matrices move by
     * about the given deviation.
     */
    private static double[] reorthonormalized(List<double[]> basis, double[] complement, int dim) {
        int k = basis.size();
        double[] out = new double[k * dim];
        for (int i = 0; i < k; i++) {
            double[] v = new double[dim];
            for (int c = 0; c < k; c++) {
                double coefficient = 0;
                for (int t = 0; t < dim; t++) {
                    coefficient += basis.get(i)[t] * complement[c * dim + t];
                }
                for (int t = 0; t < dim; t++) {
                    v[t] += coefficient * complement[c * dim + t];
                }
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < i; j++) {
                    double d = 0;
                    for (int t = 0; t < dim; t++) {
                        d += v[t] * out[j * dim + t];
                    }
                    for (int t = 0; t < dim; t++) {
                        v[t] -= d * out[j * dim + t];
                    }
                }
            }
            double norm = Math.sqrt(dot(v, v));
            for (int t = 0; t < dim; t++) {
                out[i * dim + t] = v[t] / norm;
            }
        }
        return out;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    private static double[] stack(List<double[]> matrices, int dim) {
        double[] out = new double[matrices.size() * dim];
        for (int i = 0; i < matrices.size(); i++) {
            System.arraycopy(matrices.get(i), 0, out, i * dim, dim);
        }
        return out;
    }

    // ---- JSON ----

    static ProblemFileReader json(String text, String where) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SpecException(where + "not valid JSON at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new SpecException(where + "expected a JSON object with rows, cols and instances");
        }
        Fields top = new Fields(root, "", UnaryOperator.identity());
        try {
            int rows = (int) ROWS.read(top);
            int cols = (int) COLS.read(top);
            JsonNode list = top.raw("instances");
            if (list == null || !list.isArray()) {
                throw new SpecException("instances must be a list of objects, one per seed");
            }
            top.finish();
            List<Raw> raws = new ArrayList<>();
            for (int s = 0; s < list.size(); s++) {
                String path = "instances[" + s + "]";
                Fields f = new Fields(list.get(s), path, UnaryOperator.identity());
                JsonNode truthNode = f.raw("ground_truth");
                if (truthNode == null) {
                    throw f.missing("ground_truth", "a " + rows + " x " + cols + " matrix as a list of rows");
                }
                JsonNode measurementsNode = f.raw("measurements");
                if (measurementsNode == null) {
                    throw f.missing("measurements", "a list of " + rows + " x " + cols + " matrices");
                }
                double[] truth = jsonMatrix(truthNode, path + ".ground_truth", rows, cols);
                List<double[]> a = jsonMatrices(measurementsNode, path + ".measurements", rows, cols);
                JsonNode basisNode = f.raw("test_basis");
                List<double[]> b = basisNode != null ? jsonMatrices(basisNode, path + ".test_basis", rows, cols) : null;
                f.finish();
                raws.add(new Raw(truth, a, b));
            }
            return new ProblemFileReader(where, rows, cols, raws);
        } catch (SpecException e) {
            throw e.getMessage().startsWith(where) ? e : new SpecException(where + e.getMessage());
        }
    }

    private static List<double[]> jsonMatrices(JsonNode node, String path, int rows, int cols) {
        if (!node.isArray()) {
            throw new SpecException(path + " must be a list of " + rows + " x " + cols + " matrices");
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(jsonMatrix(node.get(i), path + "[" + i + "]", rows, cols));
        }
        return out;
    }

    private static double[] jsonMatrix(JsonNode node, String path, int rows, int cols) {
        if (!node.isArray() || node.size() != rows) {
            throw new SpecException(path + " must be a " + rows + " x " + cols + " matrix (a list of " + rows
                    + " rows), got " + (node.isArray() ? node.size() + " rows" : Fields.describe(node)));
        }
        double[] out = new double[rows * cols];
        for (int a = 0; a < rows; a++) {
            JsonNode row = node.get(a);
            if (!row.isArray() || row.size() != cols) {
                throw new SpecException(path + "[" + a + "] must be a row of " + cols + " numbers, got "
                        + (row.isArray() ? row.size() + " entries" : Fields.describe(row)));
            }
            for (int b = 0; b < cols; b++) {
                JsonNode v = row.get(b);
                if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                    throw new SpecException(path + "[" + a + "][" + b + "] must be a finite number, got "
                            + Fields.describe(v));
                }
                out[a * cols + b] = v.asDouble();
            }
        }
        return out;
    }

    // ---- CSV ----

    /** seed -> kind -> index -> entry (row * cols + col, via a map keyed by row/col) -> value. */
    static ProblemFileReader csv(String text, String where) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).trim().equals(String.join(",", ProblemFile.CSV_HEADER))) {
            throw new SpecException(where + "line 1 must be the header " + String.join(",", ProblemFile.CSV_HEADER));
        }
        Map<Integer, Map<String, Map<Integer, Map<Long, Double>>>> values = new TreeMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        int maxRow = -1;
        int maxCol = -1;
        for (int ln = 1; ln < lines.size(); ln++) {
            String line = lines.get(ln).trim();
            if (line.isEmpty()) {
                continue;
            }
            String at = where + "line " + (ln + 1) + ": ";
            String[] f = line.split(",", -1);
            if (f.length != 6) {
                throw new SpecException(at + "expected 6 fields (" + String.join(",", ProblemFile.CSV_HEADER)
                        + "), got " + f.length);
            }
            int seed = csvInt(f[0], "seed", at);
            String kind = f[1].trim();
            if (!List.of("ground_truth", "measurement", "test_basis").contains(kind)) {
                throw new SpecException(at + "kind must be ground_truth, measurement or test_basis, got \"" + kind + "\"");
            }
            int index = csvInt(f[2], "index", at);
            int row = csvInt(f[3], "row", at);
            int col = csvInt(f[4], "col", at);
            if (row >= ROWS.max() || col >= COLS.max()) {
                throw new SpecException(at + "row and col must be below " + ROWS.max());
            }
            double value;
            try {
                value = Double.parseDouble(f[5].trim());
            } catch (NumberFormatException e) {
                value = Double.NaN;
            }
            if (!Double.isFinite(value)) {
                throw new SpecException(at + "value must be a finite number, got \"" + f[5].trim() + "\"");
            }
            String key = seed + " " + kind + " " + index + " (" + row + ", " + col + ")";
            Integer earlier = firstLine.putIfAbsent(key, ln + 1);
            if (earlier != null) {
                throw new SpecException(at + "seed " + seed + " " + kind + " " + index + " entry (" + row + ", " + col
                        + ") appears twice (first on line " + earlier + ")");
            }
            values.computeIfAbsent(seed, k -> new HashMap<>()).computeIfAbsent(kind, k -> new TreeMap<>())
                    .computeIfAbsent(index, k -> new HashMap<>()).put(((long) row << 32) | col, value);
            maxRow = Math.max(maxRow, row);
            maxCol = Math.max(maxCol, col);
        }
        int rows = maxRow + 1;
        int cols = maxCol + 1;
        List<Raw> raws = new ArrayList<>();
        for (int s = 0; s < values.size(); s++) {
            Map<String, Map<Integer, Map<Long, Double>>> bySeed = values.get(s);
            if (bySeed == null) {
                throw new SpecException(where + "seed " + s + " is missing (seeds must be 0, 1, 2, ...)");
            }
            List<double[]> truth = csvMatrices(bySeed.get("ground_truth"), s, "ground_truth", rows, cols, where);
            if (truth.size() != 1) {
                throw new SpecException(where + "seed " + s + " must have exactly one ground_truth (index 0), got "
                        + truth.size());
            }
            List<double[]> a = csvMatrices(bySeed.get("measurement"), s, "measurement", rows, cols, where);
            List<double[]> b = bySeed.containsKey("test_basis")
                    ? csvMatrices(bySeed.get("test_basis"), s, "test_basis", rows, cols, where) : null;
            raws.add(new Raw(truth.get(0), a, b));
        }
        return new ProblemFileReader(where, rows, cols, raws);
    }

    private static List<double[]> csvMatrices(Map<Integer, Map<Long, Double>> byIndex, int seed, String kind,
                                              int rows, int cols, String where) {
        List<double[]> out = new ArrayList<>();
        if (byIndex == null) {
            return out;
        }
        for (int i = 0; i < byIndex.size(); i++) {
            Map<Long, Double> entries = byIndex.get(i);
            if (entries == null) {
                throw new SpecException(where + "seed " + seed + " " + kind + " " + i + " is missing (indexes must be"
                        + " 0, 1, 2, ...)");
            }
            double[] m = new double[rows * cols];
            for (int a = 0; a < rows; a++) {
                for (int b = 0; b < cols; b++) {
                    Double v = entries.get(((long) a << 32) | b);
                    if (v == null) {
                        throw new SpecException(where + "seed " + seed + " " + kind + " " + i + ": entry (" + a + ", "
                                + b + ") is missing");
                    }
                    m[a * cols + b] = v;
                }
            }
            out.add(m);
        }
        return out;
    }

    private static int csvInt(String field, String name, String at) {
        try {
            int v = Integer.parseInt(field.trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SpecException(at + name + " must be an integer >= 0, got \"" + field.trim() + "\"");
    }
}
