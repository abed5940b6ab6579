package gnc.job;

import gnc.estimator.Estimator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/**
 * Checks unit files on the executors: each must be whole (checksum, header, line shapes; see
 * {@link UnitFiles}) and each of its rows must match its estimator's schema and say which unit it
 * is. Returns per file its damage or the units of it the spec wants (right fingerprint, planned
 * place), as segments; units of other settings are left alone.
 */
final class UnitCheck implements FlatMapFunction<Iterator<String>, FileCheck> {
    private static final long serialVersionUID = 1L;

    private final PlannedUnits planned;
    private final UnitFiles files;

    UnitCheck(PlannedUnits planned, UnitFiles files) {
        this.planned = planned;
        this.files = files;
    }

    @Override
    public Iterator<FileCheck> call(Iterator<String> names) throws Exception {
        List<FileCheck> out = new ArrayList<>();
        while (names.hasNext()) {
            out.add(check(names.next()));
        }
        return out.iterator();
    }

    private FileCheck check(String name) throws java.io.IOException {
        List<UnitFiles.Line> lines;
        try {
            lines = files.read(name);
        } catch (UnitFiles.Damaged d) {
            return new FileCheck(name, d.getMessage(), List.of());
        }
        List<Segment> wanted = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            UnitFiles.Line line = lines.get(i);
            Estimator e = planned.estimator(line.row().path("method").asText());
            if (e == null) {
                continue; // an estimator this spec does not run: nothing to check it against
            }
            Row row;
            try {
                row = planned.row(e, line.row());
            } catch (IllegalArgumentException bad) {
                return new FileCheck(name, "line " + (i + 2) + ": " + bad.getMessage(), List.of());
            }
            PlannedUnits.Key k = PlannedUnits.Key.of(e, row);
            if (planned.wanted(e, k, line.fingerprint())) {
                extend(wanted, k);
            }
        }
        return new FileCheck(name, null, wanted);
    }

    /** Adds unit k, extending the last segment when k follows it. */
    private static void extend(List<Segment> segments, PlannedUnits.Key k) {
        Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        if (last != null && last.method.equals(k.method()) && last.width == k.width() && last.depth == k.depth()
                && last.seed == k.seed() && last.to == k.index()) {
            segments.set(segments.size() - 1, new Segment(last.method, last.width, last.depth, last.seed, last.from,
                    k.index() + 1));
        } else {
            segments.add(new Segment(k.method(), k.width(), k.depth(), k.seed(), k.index(), k.index() + 1));
        }
    }
}
