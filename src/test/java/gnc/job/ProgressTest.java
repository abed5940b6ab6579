package gnc.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void theLineShowsUnitsDrawsAcceptedRateAndEta() {
        assertEquals("units 12 / 24, draws 12,000,000 / 24,000,000 (50.0%), accepted 1,234, 2.40M draws/s, ETA 0:00:05",
                Progress.format(12, 24, 12_000_000, 24_000_000, 1_234, 2.0, 2.4e6));
        assertEquals("units 0 / 3, draws 0 / 1,000 (0.0%), accepted 0, 0 draws/s, ETA unknown",
                Progress.format(0, 3, 0, 1_000, 0, 0, 0));
        assertEquals("units 3 / 3, draws 1,000 / 1,000 (100.0%), accepted 3, 12.5k draws/s, ETA 0:00:00",
                Progress.format(3, 3, 1_000, 1_000, 3, 1, 12_500));
        // Without G&C draws (subset simulation alone) the line and the ETA follow the units.
        assertEquals("units 10 / 40 (25.0%), 0.50 units/s, ETA 0:01:00",
                Progress.format(10, 40, 0, 0, 0, 0.5, 0));
        assertEquals("units 0 / 4 (0.0%), 0.00 units/s, ETA unknown", Progress.format(0, 4, 0, 0, 0, 0, 0));
        assertEquals("2:46:40", Progress.duration(10_000));
    }
}
