package gnc.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PanelTest {
    @Test
    void badPointsAndPanelsAreRejectedNamingTheField() {
        assertEquals("point quartiles must satisfy q25 <= median <= q75, got 0.3, 0.2, 0.4 (gnc at 5)",
                assertThrows(IllegalArgumentException.class,
                        () -> new PanelPoint("gnc", 5, 0.2, 0.3, 0.4, 8, 8)).getMessage());
        assertEquals("point median and quartiles must be finite, got 0.1, NaN, 0.4 (gnc at 5)",
                assertThrows(IllegalArgumentException.class,
                        () -> new PanelPoint("gnc", 5, Double.NaN, 0.1, 0.4, 8, 8)).getMessage());
        assertEquals("point seeds must be in 1..seedsTotal = 8, got 0 (gnc at 5)",
                assertThrows(IllegalArgumentException.class,
                        () -> new PanelPoint("gnc", 5, 0.2, 0.1, 0.4, 0, 8)).getMessage());
        PanelPoint p = new PanelPoint("gd", 5, 0.2, 0.1, 0.4, 8, 8);
        assertEquals("panel has two points for method gd at width 5", assertThrows(IllegalArgumentException.class,
                () -> new Panel("linear", PanelAxis.WIDTH, List.of(p, p))).getMessage());
        assertEquals("x axis must be \"width\" or \"depth\", got \"size\"",
                assertThrows(IllegalArgumentException.class, () -> PanelAxis.bySpecName("size")).getMessage());
        assertEquals(PanelAxis.DEPTH, PanelAxis.bySpecName("depth"));
    }

    @Test
    void methodsComeInTheFixedOrderThenByNameWithDistinctColours() {
        List<MethodStyle> styles = MethodStyle.forMethods(Set.of("zeta", "gnc", "subset", "alpha", "prior", "gd"));
        assertEquals(List.of("gd", "prior", "gnc", "subset", "alpha", "zeta"),
                styles.stream().map(MethodStyle::method).toList());
        assertEquals(List.of("GD", "Prior", "G&C", "Subset", "alpha", "zeta"),
                styles.stream().map(MethodStyle::label).toList());
        assertEquals(6, styles.stream().map(MethodStyle::colour).distinct().count());
        assertEquals(styles.get(2).colour(), MethodStyle.forMethods(Set.of("gnc")).get(0).colour());
    }
}
