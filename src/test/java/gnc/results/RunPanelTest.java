package gnc.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gnc.spec.JobSpec;
import gnc.spec.SpecParser;
import gnc.spec.Specs;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class RunPanelTest {
    private static final StructType SUMMARY = new StructType()
            .add("method", DataTypes.StringType).add("width", DataTypes.IntegerType)
            .add("depth", DataTypes.IntegerType).add("seeds_total", DataTypes.LongType)
            .add("seeds", DataTypes.LongType).add("median", DataTypes.DoubleType)
            .add("q25", DataTypes.DoubleType).add("q75", DataTypes.DoubleType);

    static Row row(String method, int width, int depth, long seedsTotal, long seeds, Double median, Double q25,
                   Double q75) {
        return new GenericRowWithSchema(new Object[] {method, width, depth, seedsTotal, seeds, median, q25, q75},
                SUMMARY);
    }

    @Test
    void aWidthPanelShowsEveryMethodLeavesOutEmptyPointsAndMarksReducedOnes() {
        JobSpec spec = SpecParser.parse(Specs.edited("model={\"activation\": \"leaky_relu\"}"), "x");
        Panel p = RunPanel.of(spec, List.of(
                row("gd", 2, 2, 3, 3, 0.05, 0.04, 0.06),
                row("prior", 2, 2, 3, 3, 0.3, 0.29, 0.31),
                row("gnc", 2, 2, 3, 2, 0.2, 0.15, 0.25),
                row("prior", 5, 2, 3, 3, 0.3, 0.28, 0.32),
                row("gnc", 5, 2, 3, 0, null, null, null)));
        assertEquals("Leaky ReLU", p.title());
        assertEquals(PanelAxis.WIDTH, p.axis());
        assertEquals(List.of(
                new PanelPoint("gd", 2, 0.05, 0.04, 0.06, 3, 3),
                new PanelPoint("prior", 2, 0.3, 0.29, 0.31, 3, 3),
                new PanelPoint("gnc", 2, 0.2, 0.15, 0.25, 2, 3),
                new PanelPoint("prior", 5, 0.3, 0.28, 0.32, 3, 3)), p.points());
        assertEquals(List.of(false, false, true, false), p.points().stream().map(PanelPoint::reduced).toList());
    }

    @Test
    void aDepthPanelHasDepthsOnXAndNoPrior() {
        JobSpec spec = SpecParser.parse(Specs.edited("sweep={\"depths\": [2, 3], \"width\": 5}"), "x");
        Panel p = RunPanel.of(spec, List.of(
                row("gnc", 5, 2, 3, 0, null, null, null),
                row("prior", 5, 2, 3, 3, 0.3, 0.3, 0.3),
                row("gnc", 5, 3, 3, 3, 0.2, 0.1, 0.3),
                row("prior", 5, 3, 3, 3, 0.3, 0.3, 0.3),
                row("gd", 5, 3, 3, 3, 0.01, 0.01, 0.02)));
        assertEquals("Linear", p.title());
        assertEquals(PanelAxis.DEPTH, p.axis());
        assertEquals(List.of(new PanelPoint("gnc", 3, 0.2, 0.1, 0.3, 3, 3), new PanelPoint("gd", 3, 0.01, 0.01, 0.02, 3, 3)),
                p.points());
    }

    @Test
    void theLeftOutPointsAreNamedWithWhy() {
        JobSpec spec = SpecParser.parse(Specs.edited("sweep.widths=[2, 5, 20]", "gnc.eps=0.02"), "x");
        List<Row> summary = List.of(
                row("gnc", 2, 2, 3, 1, 0.2, 0.2, 0.2), row("prior", 2, 2, 3, 3, 0.3, 0.3, 0.3),
                row("gnc", 5, 2, 3, 0, null, null, null), row("prior", 5, 2, 3, 3, 0.3, 0.3, 0.3),
                row("gnc", 20, 2, 3, 0, null, null, null), row("prior", 20, 2, 3, 3, 0.3, 0.3, 0.3),
                row("subset", 20, 2, 3, 0, null, null, null));
        assertEquals(List.of("G&C at width 5, 20 (no seed accepted a draw below eps 0.02)",
                "Subset at width 20 (no seed has a value)"), RunPanel.leftOut(spec, summary));
        assertEquals(4, RunPanel.of(spec, summary).points().size());
        assertEquals(List.of(), RunPanel.leftOut(spec, List.of(row("gnc", 2, 2, 3, 3, 0.2, 0.2, 0.2))));
    }

    @Test
    void aSummaryThatLacksWhatTheSpecPlansIsRefused() {
        JobSpec spec = SpecParser.parse(Specs.edited("seeds=3"), "x");
        IllegalArgumentException fewer = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RunPanel.of(spec, List.of(row("gnc", 2, 2, 2, 2, 0.2, 0.2, 0.2), row("gnc", 5, 2, 2, 2, 0.2, 0.2, 0.2))));
        assertEquals("the summary table has gnc from 2 seeds at width 2 depth 2, where spec.json plans 3 seeds: "
                + RunPanel.STALE_TABLES, fewer.getMessage());
        IllegalArgumentException absent = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> RunPanel.of(spec, List.of(row("gnc", 2, 2, 3, 3, 0.2, 0.2, 0.2))));
        assertEquals("the summary table has no gnc row at width 5 depth 2, where spec.json plans 3 seeds: "
                + RunPanel.STALE_TABLES, absent.getMessage());
    }
}
