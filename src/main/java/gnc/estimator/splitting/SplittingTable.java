package gnc.estimator.splitting;

import gnc.estimator.TrialRows;
import gnc.kernel.splitting.SplittingEstimate;
import gnc.kernel.splitting.SplittingResult;
import gnc.results.CurveTable;
import gnc.spec.JobSpec;
import gnc.spec.SweepPoint;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.collection.Seq;

/**
 * The {@code splitting} table (one row per replica: its unit row, see {@link SplittingRecord}) and
 * splitting's rows of the shared {@code curve} table: per (point, seed) its replicas combined in
 * replica order by the kernel's {@link SplittingEstimate}, one row per grid eps that every replica
 * reached. P is the replicas' mean, the G&amp;C mean the ratio of their sums, both standard errors
 * from the spread over replicas; the trial's mixing diagnostic sets flagged and advice on every
 * row of the trial.
 */
final class SplittingTable {
    static final String NAME = "splitting";

    private SplittingTable() {
    }

    /** The replica rows, sorted by point, seed and replica, in one file. */
    static Dataset<Row> sorted(Dataset<Row> units) {
        return units.repartition(1).sortWithinPartitions("width", "depth", "seed", "replica");
    }

    static Dataset<Row> curve(Dataset<Row> replicas, JobSpec spec) {
        return TrialRows.expanded(replicas, "replica", CurveTable.SCHEMA, rows -> trialCurve(rows, spec));
    }

    private static List<Row> trialCurve(List<Row> replicas, JobSpec spec) {
        Row first = replicas.get(0);
        double[] grid = spec.curveGrid(new SweepPoint(first.getAs("width"), first.getAs("depth"))).values();
        List<SplittingResult> results = new ArrayList<>();
        for (Row r : replicas) {
            results.add(SplittingRecord.result(grid, r.getAs("reached"), doubles(r, "probability"),
                    doubles(r, "gen_mass"), doubles(r, "kills"), r.getAs("evaluations"), r.getAs("pilot_evaluations"),
                    r.getAs("rungs"), r.getAs("acceptance"), r.getAs("ladder_end"), r.getAs("extinction_level")));
        }
        SplittingEstimate e = SplittingEstimate.combine(results);
        double[] p = e.probability();
        double[] pSe = e.probabilitySe();
        double[] gen = e.genMean();
        double[] genSe = e.genSe();
        double[] dispersion = e.dispersion();
        List<Row> out = new ArrayList<>();
        for (int j = 0; j < e.reached(); j++) {
            out.add(RowFactory.create(SplittingEstimator.METHOD, first.getAs("width"), first.getAs("depth"),
                    first.getAs("activation"), first.getAs("seed"), grid[j], p[j], finiteOrNull(pSe[j]),
                    finiteOrNull(gen[j]), finiteOrNull(genSe[j]), e.evaluations(), null, true, e.flagged(),
                    e.advice(), finiteOrNull(dispersion[j])));
        }
        return out;
    }

    private static double[] doubles(Row r, String column) {
        Seq<Object> s = r.getAs(column);
        double[] out = new double[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Double) s.apply(i);
        }
        return out;
    }

    private static Double finiteOrNull(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
