package gnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gnc.results.GdTable;
import gnc.results.TrialsTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.junit.jupiter.api.Test;

class TrialsReportTest {

    private static Row trial(String method, int seed, long draws, long accepted, double rate, Double prior,
            Double gnc) {
        return new GenericRowWithSchema(new Object[] {method, 5, 2, "linear", seed, 0.01, draws, accepted, rate,
            null, prior, null, gnc, null, prior == null ? null : 0.5}, TrialsTable.SCHEMA);
    }

    private static List<String> report(List<Row> trials, List<Row> gd) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TrialsReport.print(trials, gd, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void plainGncLineSumsCountsAndTakesMediansOverSeedsWithAcceptances() {
        List<String> lines = report(List.of(
                trial("gnc", 0, 1000, 2, 0.002, 0.25, 0.10),
                trial("gnc", 1, 1000, 0, 0.0, 0.24, null),
                trial("gnc", 2, 1000, 4, 0.004, 0.26, 0.20)), List.of());
        assertEquals(2, lines.size());
        // draws and accepted summed; medians of (0, 0.002, 0.004), (0.24, 0.25, 0.26) and of the
        // two seeds with a G&C mean, (0.10 + 0.20) / 2

        assertEquals(List.of("gnc", "5", "2", "3", "3000", "6", "2.000e-03", "0.2500", "0.1500", "(2)"),
                List.of(lines.get(1).trim().split("\\s+")));
    }

    /** Subset rows have no prior mean: the report must neither fail nor invent one. */
    @Test
    void subsetTrialsWithoutPriorMeanAreReportedWithADash() {
        List<String> lines = report(List.of(
                trial("subset", 0, 500_000, 100, 1e-12, null, 0.03),
                trial("subset", 1, 600_000, 100, 3e-12, null, 0.05)), List.of());
        assertEquals(2, lines.size());
        // medians of two: (1e-12 + 3e-12) / 2 and (0.03 + 0.05) / 2

        assertEquals(List.of("subset", "5", "2", "2", "1100000", "200", "2.000e-12", "-", "0.0400", "(2)"),
                List.of(lines.get(1).trim().split("\\s+")));
    }

    @Test
    void gdRowsFollowWithTheMedianFinalGeneralizationLoss() {
        List<String> lines = report(List.of(), List.of(gd(0, 0.01), gd(1, 0.03), gd(2, 0.02)));
        assertEquals(List.of("method", "width", "depth", "seeds", "draws", "accepted", "rate_med", "prior_med",
                "gen_med"), List.of(lines.get(0).trim().split("\\s+")));
        // GD has no draws, acceptances or prior: dashes; the median of 0.01, 0.03, 0.02
        assertEquals(List.of("gd", "5", "2", "3", "-", "-", "-", "-", "0.0200", "(3)"),
                List.of(lines.get(1).trim().split("\\s+")));
    }

    private static Row gd(int seed, double genLoss) {
        return new GenericRowWithSchema(new Object[] {"gd", 5, 2, "linear", seed, 0.01, 0.001, 0.0, 20_000L, 1e-9,
            genLoss, 1.5}, GdTable.SCHEMA);
    }
}
