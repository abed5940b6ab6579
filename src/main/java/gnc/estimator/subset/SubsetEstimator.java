package gnc.estimator.subset;

import gnc.estimator.CostModel;
import gnc.estimator.Estimator;
import gnc.estimator.Fingerprint;
import gnc.estimator.TableSink;
import gnc.estimator.UnitRecord;
import gnc.estimator.WorkUnit;
import gnc.kernel.ProblemInstance;
import gnc.kernel.SamplerKind;
import gnc.kernel.Streams;
import gnc.kernel.SubsetSettings;
import gnc.kernel.SubsetSimulation;
import gnc.spec.GncSpec;
import gnc.spec.JobSpec;
import gnc.spec.SweepPoint;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Subset simulation: the independent replicas of each (point, seed) trial, one unit each, spread
 * over the executors. Replica r's stream is (subset key, width, depth, seed, r). Tables: {@code
 * subset} (one row per replica) and per trial a {@code trials} row combining its replicas, whose
 * posterior mean enters the summary as method {@code subset}.
 */
public final class SubsetEstimator implements Estimator {
    private static final long serialVersionUID = 1L;
    public static final String METHOD = GncSpec.SUBSET;

    private final JobSpec spec;

    private SubsetEstimator(JobSpec spec) {
        this.spec = spec;
    }

    /** The estimator of spec, or null when the spec does not run subset simulation. */
    public static SubsetEstimator forSpec(JobSpec spec) {
        return spec.subset() == null ? null : new SubsetEstimator(spec);
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public String indexColumn() {
        return "replica";
    }

    @Override
    public Class<SubsetRecord> recordType() {
        return SubsetRecord.class;
    }

    @Override
    public int units(SweepPoint p) {
        return spec.subset().replicas();
    }

    @Override
    public WorkUnit unit(SweepPoint p, int seed, int index) {
        return new WorkUnit(METHOD, p.width(), p.depth(), seed, index, 0);
    }

    /** N evaluations at the prior level, then about 10 levels of N (1 - p0) moved states. */
    @Override
    public double unitSeconds(SweepPoint p) {
        SubsetSettings s = spec.subset().settings();
        double evaluations = s.samplesPerLevel() * (1 + ASSUMED_LEVELS * (1 - s.levelProbability()) * s.movesPerState());
        return evaluations * CostModel.drawNanos(spec.model(p), SamplerKind.DIRECT) * 1e-9;
    }

    private static final int ASSUMED_LEVELS = 10;

    /** Two levels of N states of every weight, as doubles. */
    @Override
    public long unitBytes(SweepPoint p) {
        long n = spec.subset().settings().samplesPerLevel();
        return 2 * n * (CostModel.weights(spec.model(p)) + 2) * Double.BYTES + (1L << 20);
    }

    @Override
    public String unitBytesFields() {
        return "subset.samples, or the widths and depths of the sweep";
    }

    @Override
    public String fingerprint(WorkUnit u) {
        SubsetSettings s = spec.subset().settings();
        return Fingerprint.of("gnc-subset-unit-v1|" + spec.subsetKey() + "|" + spec.dataKey() + "|" + spec.gnc().eps()
                + "|" + s);
    }

    @Override
    public UnitRecord compute(WorkUnit u, ProblemInstance problem) {
        double eps = spec.gnc().eps();
        SubsetSimulation simulation = new SubsetSimulation(problem, spec.model(new SweepPoint(u.width(), u.depth())),
                spec.gnc().sampling(), spec.subset().settings());
        return SubsetRecord.of(eps, simulation.run(eps,
                Streams.stream(spec.subsetKey(), u.width(), u.depth(), u.seed(), u.index())));
    }

    /** The subset table of the replicas, and a trials row per (point, seed) combining them. */
    @Override
    public void writeTables(TableSink sink, Dataset<Row> unitRows) {
        Dataset<Row> replicas = sink.write(SubsetTable.NAME, SubsetTable.sorted(unitRows));
        Dataset<Row> trials = SubsetTable.trials(replicas);
        sink.addTrials(trials);
        sink.addSummaryValues(trials.selectExpr("method", "width", "depth", "activation", "seed", "gnc_mean AS value",
                "draws", "accepted", "acceptance_rate AS rate"));
    }
}
