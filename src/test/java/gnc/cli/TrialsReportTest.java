package gnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gnc.SparkTestSession;
import gnc.results.SummaryTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** run's closing report, from a summary aggregated by the real SummaryTable of hand-made per-seed values. */
class TrialsReportTest {

    private static Row value(String method, int seed, Double value, Long draws, Long accepted, Double rate) {
        return RowFactory.create(method, 5, 2, "linear", seed, value, draws, accepted, rate);
    }

    private static List<String> report(Row... values) {
        var spark = SparkTestSession.get();
        List<Row> summary = SummaryTable.aggregate(spark.createDataFrame(List.of(values), SummaryTable.VALUES))
                .collectAsList();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TrialsReport.print(summary, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static List<String> fields(String line) {
        return List.of(line.trim().split("\\s+"));
    }

    @Test
    void plainGncLineSumsCountsAndTakesMediansOverSeedsWithAcceptances() {
        List<String> lines = report(
                value("gnc", 0, 0.10, 1000L, 2L, 0.002), value("prior", 0, 0.25, 1000L, 2L, null),
                value("gnc", 1, null, 1000L, 0L, 0.0), value("prior", 1, 0.24, 1000L, 0L, null),
                value("gnc", 2, 0.20, 1000L, 4L, 0.004), value("prior", 2, 0.26, 1000L, 4L, null));
        assertEquals(2, lines.size(), "the header and one line: the prior shows as a column of the gnc line");
        assertEquals(List.of("method", "width", "depth", "seeds", "draws", "accepted", "rate_med", "prior_med",
                "gen_med"), fields(lines.get(0)));
        // draws and accepted summed; medians of (0, 0.002, 0.004), (0.24, 0.25, 0.26) and of the
        // two seeds with a G&C mean, (0.10 + 0.20) / 2
        assertEquals(List.of("gnc", "5", "2", "3", "3000", "6", "2.000e-03", "0.2500", "0.1500", "(2)"),
                fields(lines.get(1)));
    }

    /** Subset rows have no prior mean: the report must neither fail nor invent one. */
    @Test
    void subsetTrialsWithoutPriorMeanAreReportedWithADash() {
        List<String> lines = report(value("subset", 0, 0.03, 500_000L, 100L, 1e-12),
                value("subset", 1, 0.05, 600_000L, 100L, 3e-12));
        // medians of two: (1e-12 + 3e-12) / 2 and (0.03 + 0.05) / 2
        assertEquals(List.of("subset", "5", "2", "2", "1100000", "200", "2.000e-12", "-", "0.0400", "(2)"),
                fields(lines.get(1)));
    }

    @Test
    void gdRowsShowTheMedianFinalGeneralizationLossAndDashes() {
        List<String> lines = report(value("gd", 0, 0.01, null, null, null), value("gd", 1, 0.03, null, null, null),
                value("gd", 2, 0.02, null, null, null));
        // GD has no draws, acceptances or prior: dashes; the median of 0.01, 0.03, 0.02
        assertEquals(List.of("gd", "5", "2", "3", "-", "-", "-", "-", "0.0200", "(3)"), fields(lines.get(1)));
    }

    @Test
    void aPointWhereNoSeedAcceptedSaysNone() {
        List<String> lines = report(value("gnc", 0, null, 1000L, 0L, 0.0), value("prior", 0, 0.25, 1000L, 0L, null));
        assertEquals(List.of("gnc", "5", "2", "1", "1000", "0", "0.000e+00", "0.2500", "none"), fields(lines.get(1)));
    }
}
