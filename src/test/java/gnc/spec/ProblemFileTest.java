package gnc.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gnc.kernel.ProblemInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProblemFileTest {
    @TempDir
    Path dir;

    private static List<ProblemInstance> generated(int seeds) {
        JobSpec spec = SpecParser.parse(Specs.VALID, "x");
        List<ProblemInstance> out = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            out.add(spec.problem().instance(s));
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"problems.json", "problems.csv"})
    void generatedInstancesRoundTripExactly(String name) throws Exception {
        List<ProblemInstance> original = generated(3);
        Path file = dir.resolve(name);
        ProblemFile.write(original, file);
        ProblemFile read = ProblemFile.read(file);
        assertEquals(3, read.instances().size());
        assertEquals(5, read.rows());
        assertEquals(15, read.measurements());
        for (int s = 0; s < 3; s++) {
            ProblemInstance a = original.get(s);
            ProblemInstance b = read.instances().get(s);
            assertArrayEquals(a.groundTruth(), b.groundTruth(), 0.0);
            assertArrayEquals(a.measurements(), b.measurements(), 0.0);
            assertArrayEquals(a.testBasis(), b.testBasis(), 0.0);
            assertArrayEquals(a.labels(), b.labels(), 0.0);
        }
    }

    @Test
    void aSpecNamingTheFileUsesItsInstancesWithTheSameDraws() throws Exception {
        Files.createDirectories(dir.resolve("specs"));
        ProblemFile.write(generated(3), dir.resolve("specs/p.json"));
        Path specFile = dir.resolve("specs/s.json");
        Files.writeString(specFile, Specs.edited("problem={\"file\": \"p.json\"}"));
        JobSpec fromFile = SpecParser.parse(specFile);
        JobSpec generatedSpec = SpecParser.parse(Specs.VALID, "x");
        assertEquals(generatedSpec.jobKey(), fromFile.jobKey(), "the same weight draws");
        assertNotEquals(generatedSpec.dataKey(), fromFile.dataKey(), "data sets are identified by the file");
        assertArrayEquals(generatedSpec.problem().instance(2).testBasis(), fromFile.problem().instance(2).testBasis(), 0.0);
        // The resolved spec pins the file's content and parses back to the same spec.
        String resolved = SpecJson.write(fromFile);
        assertTrue(resolved.contains("\"sha256\""), resolved);
        assertEquals(fromFile.dataKey(), SpecParser.parse(resolved, "x").dataKey());
    }

    @Test
    void fileMisuseInASpecIsReported() throws Exception {
        ProblemFile.write(generated(2), dir.resolve("p.csv"));
        String f = dir.resolve("p.csv").toString().replace("\\", "\\\\");
        assertMessage("seeds is 3 but problem.file holds 2 instances (seed s uses instance s)",
                () -> SpecParser.parse(Specs.edited("problem={\"file\": \"" + f + "\"}"), "x"));
        assertMessage("unknown field problem.rank (with problem.file, the file gives the data sets: problem takes only"
                + " file and sha256)", () -> SpecParser.parse(Specs.edited("problem={\"file\": \"" + f + "\", \"rank\": 1}",
                "seeds=2"), "x"));
        assertMessage("problem.sha256 is 00 but " + f + " now has sha256 ",
                () -> SpecParser.parse(Specs.edited("problem={\"file\": \"" + f + "\", \"sha256\": \"00\"}", "seeds=2"), "x"));
        assertMessage("cannot read problem file " + dir.resolve("none.json") + ": no such file",
                () -> SpecParser.parse(Specs.edited("problem={\"file\": \"" + dir.resolve("none.json") + "\"}"), "x"));
    }

    private static void assertMessage(String start, org.junit.jupiter.api.function.Executable call) {
        SpecException e = assertThrows(SpecException.class, call);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }

    /** Two seeds of a valid 2 x 2 problem with n = 2, edited by the case. */
    private static final String JSON = """
            {"rows": 2, "cols": 2, "instances": [
              {"ground_truth": [[1, 0], [0, 0]], "measurements": [[[1, 0], [0, 0]], [[0, 1], [1, 0]]]},
              {"ground_truth": [[0, 1], [0, 0]], "measurements": [[[0, 0], [0, 1]], [[1, 0], [0, 1]]],
               "test_basis": [[[0, 1], [0, 0]], [[0, 0], [1, 0]]]}
            ]}""";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "[[1, 0], [0, 0]], \"measurements\"|[[1, 0], [0, NaN]], \"measurements\"|instances[0].ground_truth[1][1] must be a finite number, got NaN",
        "[[[1, 0], [0, 0]], [[0, 1], [1, 0]]]}|[[[1, 0], [0, 0]], [[0, 1], [1]]]}|instances[0].measurements[1][1] must be a row of 2 numbers, got 1 entries",
        "[[[1, 0], [0, 0]], [[0, 1], [1, 0]]]}|[[[1, 0], [0, 0]], [[2, 0], [0, 0]]]}|seed 0: measurement 1 is linearly dependent on the ones before it",
        "[[[1, 0], [0, 0]], [[0, 1], [1, 0]]]}|[[[1, 0], [0, 0]]]}|seed 1: 2 measurements, but seed 0 has 1",
        "[[[0, 1], [0, 0]], [[0, 0], [1, 0]]]}|[[[0, 1], [0, 0]], [[0, 0], [2, 0]]]}|seed 1: test_basis 1 has norm 2.0, expected 1",
        "[[[0, 1], [0, 0]], [[0, 0], [1, 0]]]}|[[[0, 1], [0, 0]], [[0, 1], [0, 0]]]}|seed 1: test_basis 0 and 1 are not orthogonal (inner product 1.0)",
        "[[[0, 1], [0, 0]], [[0, 0], [1, 0]]]}|[[[0, 1], [0, 0]], [[1, 0], [0, 0]]]}|seed 1: test_basis 1 is not orthogonal to measurement 1",
        "[[[0, 1], [0, 0]], [[0, 0], [1, 0]]]}|[[[0, 1], [0, 0]]]}|seed 1: test_basis has 1 matrices, expected rows * cols - n = 2",
        "\"rows\": 2,|\"rows\": 0,|rows must be an integer in 1..32, got 0",
        "\"rows\": 2,|\"rows\": 2, \"extra\": 1,|unknown field extra",
        "\"ground_truth\": [[0, 1]|\"truth\": [[0, 1]|missing required field instances[1].ground_truth",
    })
    void malformedJsonFilesAreReportedAtTheOffendingEntry(String find, String replace, String message) throws Exception {
        assertTrue(JSON.contains(find), "the case edits the file: " + find);
        Path file = dir.resolve("bad.json");
        Files.writeString(file, JSON.replace(find, replace));
        assertMessage("problem file " + file + ": " + message, () -> ProblemFile.read(file));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "seed,kind,index,row,col,values|line 1 must be the header seed,kind,index,row,col,value",
        "0,ground_truth,0,0,0|line 2: expected 6 fields (seed,kind,index,row,col,value), got 5",
        "0,truth,0,0,0,1|line 2: kind must be ground_truth, measurement or test_basis, got \"truth\"",
        "0,ground_truth,0,0,-1,1|line 2: col must be an integer >= 0, got \"-1\"",
        "0,ground_truth,0,0,0,inf|line 2: value must be a finite number, got \"inf\"",
        "0,ground_truth,0,0,0,1;0,ground_truth,0,0,0,2|line 3: seed 0 ground_truth 0 entry (0, 0) appears twice (first on line 2)",
        "0,ground_truth,0,0,0,1;0,ground_truth,0,1,1,1;0,measurement,0,0,0,1|seed 0 ground_truth 0: entry (0, 1) is missing",
        "1,ground_truth,0,0,0,1|seed 0 is missing (seeds must be 0, 1, 2, ...)",
    })
    void malformedCsvFilesAreReportedAtTheOffendingLine(String body, String message) throws Exception {
        String text = body.startsWith("seed,") ? body : "seed,kind,index,row,col,value\n" + body.replace(";", "\n");
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, text + "\n");
        assertMessage("problem file " + file + ": " + message, () -> ProblemFile.read(file));
    }

    @Test
    void aFileWithoutTestBasisGetsTheComputedComplement() throws Exception {
        Path file = dir.resolve("nobasis.json");
        Files.writeString(file, JSON);
        ProblemInstance p = ProblemFile.read(file).instances().get(0);
        // A = e11, (e12 + e21); complement of their span: (e12 - e21)/sqrt2 and e22, up to sign/rotation.
        double[] b = p.testBasis();
        assertEquals(2, p.testCount());
        for (int i = 0; i < 2; i++) {
            double norm = 0;
            for (int j = 0; j < 4; j++) {
                norm += b[i * 4 + j] * b[i * 4 + j];
            }
            assertEquals(1.0, norm, 1e-12);
            assertEquals(0.0, b[i * 4], 1e-12, "orthogonal to e11");
            assertEquals(0.0, b[i * 4 + 1] + b[i * 4 + 2], 1e-12, "orthogonal to e12 + e21");
        }
        assertArrayEquals(new double[] {1, 0}, p.labels(), 0.0);
    }

    /** Every entry rounded to float32, as data written by NumPy's astype(float32) or PyTorch is. */
    private static double[] float32(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) x[i];
        }
        return out;
    }

    private static double dot(double[] x, int i, double[] y, int j, int dim) {
        double s = 0;
        for (int t = 0; t < dim; t++) {
            s += x[i * dim + t] * y[j * dim + t];
        }
        return s;
    }

    @ParameterizedTest
    @CsvSource({"float32.json", "float32.csv"})
    void aTestBasisOrthonormalToFloat32PrecisionIsReorthonormalizedInDouble(String name) throws Exception {
        List<ProblemInstance> rounded = new ArrayList<>();
        for (ProblemInstance p : generated(2)) {
            rounded.add(new ProblemInstance(p.rows(), p.cols(), float32(p.groundTruth()), float32(p.measurements()),
                    float32(p.testBasis())));
        }
        Path file = dir.resolve(name);
        ProblemFile.write(rounded, file);
        String text = Files.readString(file);
        ProblemFileReader reader = name.endsWith(".json") ? ProblemFileReader.json(text, "f: ")
                : ProblemFileReader.csv(text, "f: ");
        assertEquals(2, reader.notes().size(), "one note per seed: " + reader.notes());
        assertTrue(reader.notes().get(1).matches("f: seed 1: test_basis is orthonormal only to [0-9.]+e-0[6-9] \\(float32"
                + " data\\?\\): re-orthonormalized in double"), reader.notes().get(1));
        for (int s = 0; s < 2; s++) {
            ProblemInstance given = rounded.get(s);
            ProblemInstance read = reader.instances().get(s);
            int dim = read.dimension();
            double[] b = read.testBasis();
            for (int i = 0; i < read.testCount(); i++) {
                for (int j = 0; j <= i; j++) {
                    assertEquals(i == j ? 1 : 0, dot(b, i, b, j, dim), 1e-14, "orthonormal in double: " + i + ", " + j);
                }
                for (int j = 0; j < read.measurementCount(); j++) {
                    double a = Math.sqrt(dot(read.measurements(), j, read.measurements(), j, dim));
                    assertEquals(0, dot(b, i, read.measurements(), j, dim) / a, 1e-14, "orthogonal to measurement " + j);
                }
            }
            // The given basis moved by no more than its float32 rounding; the rest of the data not at all.
            assertArrayEquals(given.testBasis(), b, 1e-6);
            assertArrayEquals(given.measurements(), read.measurements(), 0.0);
        }
        assertEquals(List.of(), ProblemFileReader.json(Files.readString(writeExact()), "f: ").notes(),
                "a basis orthonormal in double is used as given (the round trip above keeps its bits)");
    }

    private Path writeExact() throws Exception {
        Path exact = dir.resolve("exact.json");
        ProblemFile.write(generated(2), exact);
        return exact;
    }

    @Test
    void aTestBasisOffByMoreThanFloat32RoundingIsStillRefused() throws Exception {
        ProblemInstance p = generated(1).get(0);
        double[] basis = p.testBasis();
        for (int t = 0; t < p.dimension(); t++) {
            basis[t] *= 1 + 2e-5; // matrix 0's norm 1.00002
        }
        Path file = dir.resolve("off.json");
        ProblemFile.write(List.of(new ProblemInstance(p.rows(), p.cols(), p.groundTruth(), p.measurements(), basis)), file);
        assertMessage("problem file " + file + ": seed 0: test_basis 0 has norm 1.0000", () -> ProblemFile.read(file));
        SpecException e = assertThrows(SpecException.class, () -> ProblemFile.read(file));
        assertTrue(e.getMessage().endsWith(", expected 1 to within 1.0E-5"), e.getMessage());
    }

    @Test
    void aProblemFileThatNeverEndsIsRefusedAtTheLimit() throws Exception {
        assertMessage("cannot read problem file /dev/zero: it is larger than 256 MiB, the most a problem file may hold",
                () -> ProblemFile.read(Path.of("/dev/zero")));
    }
}
