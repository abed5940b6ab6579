package gnc.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The manual cannot drift from the code: README's job-spec table (every table under the header
 * {@link #HEADER}) lists exactly the fields of {@link JobFields}, in its order, each with the
 * allowed values, default and meaning the code declares; and every stated default is the value
 * the parser really puts in place of an absent field.
 */
class ReadmeSpecTableTest {
    static final String HEADER = "| field | allowed | default | meaning |";
    /** Fields whose default is not a JSON value: the parser derives it (file name, gnc.eps) or there is none. */
    private static final Set<Field> DERIVED_DEFAULTS = Set.of(JobFields.NAME, JobFields.PROBLEM_FILE,
            JobFields.PROBLEM_SHA256, JobFields.KEEP_THRESHOLD, JobFields.EPS_MAX, JobFields.EPS_MIN);

    /** README's rows: field, allowed, default, meaning; backticks (Markdown code) removed. */
    static List<String[]> readmeRows() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).trim().equals(HEADER)) {
                continue;
            }
            for (int j = i + 2; j < lines.size() && lines.get(j).startsWith("|"); j++) {
                String row = lines.get(j).trim();
                String[] cells = row.substring(1, row.length() - 1).split("\\|", -1);
                assertEquals(4, cells.length, "four cells: " + row);
                rows.add(Arrays.stream(cells).map(c -> c.replace("`", "").trim()).toArray(String[]::new));
            }
        }
        return rows;
    }

    @Test
    void readmeListsEveryFieldOfTheSpecInTheRegistrysOrder() throws Exception {
        List<String> readme = readmeRows().stream().map(r -> r[0]).toList();
        List<String> code = JobFields.ALL.stream().map(Field::path).toList();
        assertEquals(code, readme);
    }

    @Test
    void eachRowStatesWhatTheCodeAllowsItsDefaultAndItsMeaning() throws Exception {
        List<String[]> rows = readmeRows();
        for (int i = 0; i < Math.min(rows.size(), JobFields.ALL.size()); i++) {
            Field f = JobFields.ALL.get(i);
            String[] row = rows.get(i);
            assertEquals(f.allowed(), row[1], f.path() + ": allowed");
            assertEquals(f.defaultText(), row[2], f.path() + ": default");
            assertEquals(f.meaning(), row[3], f.path() + ": meaning");
        }
    }

    /** A field declared in JobFields but left out of ALL would be missing from the manual. */
    @Test
    void everyDeclaredFieldIsInTheRegistry() throws Exception {
        for (java.lang.reflect.Field c : JobFields.class.getDeclaredFields()) {
            if (Modifier.isStatic(c.getModifiers()) && Field.class.isAssignableFrom(c.getType())) {
                Field f = (Field) c.get(null);
                boolean listed = JobFields.ALL.contains(f) || f == JobFields.EPOCH_COUNT; // gd.epochs' element
                assertTrue(listed, c.getName() + " (" + f.path() + ") is not in JobFields.ALL");
            }
        }
    }

    static Stream<Field> fieldsWithAJsonDefault() {
        return JobFields.ALL.stream()
                .filter(f -> !DERIVED_DEFAULTS.contains(f) && !f.defaultText().startsWith("required"));
    }

    /**
     * Setting a field to its stated default gives the same job as leaving it out: the default is
     * real, and the parser reads the field (an unread field would be refused as unknown).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fieldsWithAJsonDefault")
    void theStatedDefaultIsWhatAnAbsentFieldBecomes(Field f) throws Exception {
        new ObjectMapper().readTree(f.defaultText()); // valid JSON, or this throws
        List<String> base = f == JobFields.METHODS ? List.of() : List.of("gnc.methods=[\"gnc\", \"subset\", \"splitting\"]",
                "subset={}", "splitting={}", "curve={}", "gd={\"lr\": 1, \"epochs\": 5, \"init_scale\": 1}");
        List<String> absent = new ArrayList<>(base);
        absent.add("-" + f.path());
        List<String> given = new ArrayList<>(base);
        given.add(f.path() + "=" + f.defaultText());
        JobSpec without = SpecParser.parse(Specs.edited(absent.toArray(String[]::new)), "x");
        JobSpec with = SpecParser.parse(Specs.edited(given.toArray(String[]::new)), "x");
        assertEquals(without, with);
    }
}
