package gnc.estimator.subset;

import gnc.estimator.Estimator;
import gnc.estimator.Fingerprint;
import gnc.estimator.TableSink;
import gnc.estimator.UnitRecord;
import gnc.estimator.WorkUnit;
import gnc.kernel.ProblemInstance;
import gnc.kernel.Streams;
import gnc.kernel.SubsetSettings;
import gnc.kernel.SubsetSimulation;
import gnc.spec.GncSpec;
import gnc.spec.JobSpec;
import gnc.spec.SweepPoint;
import java.util.ArrayList;
import java.util.List;
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
    public List<WorkUnit> plan(SweepPoint p, int seed) {
        List<WorkUnit> units = new ArrayList<>();
        for (int r = 0; r < spec.subset().replicas(); r++) {
            units.add(new WorkUnit(METHOD, p.width(), p.depth(), seed, r, 0));
        }
        return units;
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
