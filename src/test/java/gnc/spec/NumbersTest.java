package gnc.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Limits and defaults are written short and exact: JSON reads each text back as the same number. */
class NumbersTest {
    @ParameterizedTest
    @CsvSource({"1000000, 1e6", "100000, 100000", "1000000000000000000, 1e18", "10000000, 1e7", "2000000, 2e6",
        "2500000, 2500000", "0, 0", "-3000000, -3e6", "4096, 4096"})
    void integers(long x, String text) throws Exception {
        assertEquals(text, Numbers.text(x));
        assertEquals(x, new ObjectMapper().readTree(text).asDouble(), 0.0);
    }

    @ParameterizedTest
    @CsvSource({"1.0, 1", "1e-6, 1e-6", "0.44, 0.44", "0.999, 0.999", "1e9, 1e9", "0.2, 0.2", "2.5e-7, 2.5e-7",
        "-0.5, -0.5"})
    void doubles(double x, String text) throws Exception {
        assertEquals(text, Numbers.text(x));
        assertEquals(x, new ObjectMapper().readTree(text).asDouble(), 0.0);
    }
}
