package gnc.estimator.gd;

import gnc.estimator.CostModel;
import gnc.estimator.Estimator;
import gnc.estimator.Fingerprint;
import gnc.estimator.TableSink;
import gnc.estimator.UnitRecord;
import gnc.estimator.WorkUnit;
import gnc.kernel.GdResult;
import gnc.kernel.GdSettings;
import gnc.kernel.GradientDescent;
import gnc.kernel.ProblemInstance;
import gnc.kernel.Streams;
import gnc.spec.JobSpec;
import gnc.spec.SweepPoint;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The gradient-descent baseline: one unit per (point, seed) trial, whose initialization stream is
 * (gd key, width, depth, seed). Table: {@code gd}; its final L_gen enters the summary as method
 * {@code gd}. It adds no trials rows (it estimates no acceptance probability or G&C mean).
 */
public final class GdEstimator implements Estimator {
    private static final long serialVersionUID = 1L;
    public static final String METHOD = "gd";

    private final JobSpec spec;

    private GdEstimator(JobSpec spec) {
        this.spec = spec;
    }

    /** The estimator of spec, or null when the spec has no gd section. */
    public static GdEstimator forSpec(JobSpec spec) {
        return spec.gd() == null ? null : new GdEstimator(spec);
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public String indexColumn() {
        return null;
    }

    @Override
    public Class<GdRecord> recordType() {
        return GdRecord.class;
    }

    @Override
    public int units(SweepPoint p) {
        return 1;
    }

    @Override
    public WorkUnit unit(SweepPoint p, int seed, int index) {
        return new WorkUnit(METHOD, p.width(), p.depth(), seed, index, 0);
    }

    /** An epoch costs a forward and a backward pass over every weight. */
    @Override
    public double unitSeconds(SweepPoint p) {
        return spec.gd().settings(spec.pointIndex(p)).epochs() * NANOS_PER_WEIGHT_EPOCH
                * CostModel.weights(spec.model(p)) * 1e-9;
    }

    private static final double NANOS_PER_WEIGHT_EPOCH = 6;

    /** Weights, gradients, momentum, the adaptive step's state and the layers' activations, as doubles. */
    @Override
    public long unitBytes(SweepPoint p) {
        return 6 * CostModel.weights(spec.model(p)) * Double.BYTES + (1L << 20);
    }

    @Override
    public String unitBytesFields() {
        return "the widths and depths of the sweep";
    }

    private GdSettings settings(WorkUnit u) {
        return spec.gd().settings(spec.pointIndex(new SweepPoint(u.width(), u.depth())));
    }

    @Override
    public String fingerprint(WorkUnit u) {
        GdSettings g = settings(u);
        return Fingerprint.of("gnc-gd-unit-v1|" + spec.gdKey() + "|" + spec.dataKey() + "|" + spec.activation() + "|"
                + g.learningRate() + "|" + g.epochs() + "|" + g.initScale() + "|" + g.momentum());
    }

    @Override
    public UnitRecord compute(WorkUnit u, ProblemInstance problem) {
        GdSettings g = settings(u);
        long start = System.nanoTime();
        GdResult r = new GradientDescent(problem, spec.model(new SweepPoint(u.width(), u.depth())))
                .run(g, Streams.stream(spec.gdKey(), u.width(), u.depth(), u.seed()));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new GdRecord(g.learningRate(), g.initScale(), g.momentum(), r.epochs(), r.trainLoss(), r.genLoss(),
                seconds);
    }

    /** The gd table, and each run's final L_gen as a per-seed value of method gd. */
    @Override
    public void writeTables(TableSink sink, Dataset<Row> unitRows) {
        Dataset<Row> runs = sink.write(GdTable.NAME, GdTable.sorted(unitRows));
        sink.addSummaryValues(runs.selectExpr("method", "width", "depth", "activation", "seed", "gen_loss AS value",
                "CAST(NULL AS BIGINT) AS draws", "CAST(NULL AS BIGINT) AS accepted", "CAST(NULL AS DOUBLE) AS rate"));
    }
}
