package gnc.job;

import gnc.estimator.Estimator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/**
 * Reads the unit rows a table build takes from unit files (on the executors), checking each file
 * again: one that changed since the run checked it fails the run rather than feed a table.
 */
final class UnitRead implements FlatMapFunction<Iterator<FileTake>, Row> {
    private static final long serialVersionUID = 1L;

    private final PlannedUnits planned;
    private final UnitFiles files;

    UnitRead(PlannedUnits planned, UnitFiles files) {
        this.planned = planned;
        this.files = files;
    }

    @Override
    public Iterator<Row> call(Iterator<FileTake> takes) throws Exception {
        List<Row> rows = new ArrayList<>();
        while (takes.hasNext()) {
            FileTake t = takes.next();
            Estimator e = planned.estimator(t.method);
            List<UnitFiles.Line> lines;
            try {
                lines = files.read(t.name);
            } catch (UnitFiles.Damaged d) {
                throw new IllegalStateException("unit file " + files.directory() + "/" + t.name + " changed during the"
                        + " run (" + d.getMessage() + "): run the same command again to recompute its units");
            }
            for (UnitFiles.Line line : lines) {
                if (!t.method.equals(line.row().path("method").asText())) {
                    continue;
                }
                Row r = planned.row(e, line.row());
                if (t.takes(PlannedUnits.Key.of(e, r))) {
                    rows.add(r);
                }
            }
        }
        return rows.iterator();
    }
}
