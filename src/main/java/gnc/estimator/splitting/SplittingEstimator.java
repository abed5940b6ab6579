package gnc.estimator.splitting;

import gnc.estimator.CostModel;
import gnc.estimator.Estimator;
import gnc.estimator.Fingerprint;
import gnc.estimator.TableSink;
import gnc.estimator.UnitRecord;
import gnc.estimator.WorkUnit;
import gnc.kernel.Factorization;
import gnc.kernel.GncSettings;
import gnc.kernel.ProblemInstance;
import gnc.kernel.SamplerKind;
import gnc.kernel.Streams;
import gnc.kernel.splitting.EpsGrid;
import gnc.kernel.splitting.Splitting;
import gnc.kernel.splitting.SplittingMemory;
import gnc.kernel.splitting.SplittingSettings;
import gnc.kernel.splitting.WeightSpace;
import gnc.spec.GncSpec;
import gnc.spec.JobSpec;
import gnc.spec.SweepPoint;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Multilevel splitting (the kernel's {@link Splitting}): the independent replicas of each (point,
 * seed) trial, one unit each, every replica estimating the whole curve over the point's grid
 * ({@link JobSpec#curveGrid}). Replica r's stream is (splitting key at the point, width, depth,
 * seed, r). Tables: {@code splitting} (one row per replica), its rows of {@code curve}, and per
 * trial a {@code trials} row at gnc.eps (when the grid holds it: it does unless curve's bounds
 * leave it out), whose G&amp;C mean enters the summary as method {@code splitting}.
 */
public final class SplittingEstimator implements Estimator {
    private static final long serialVersionUID = 1L;
    public static final String METHOD = GncSpec.SPLITTING;

    private final JobSpec spec;

    private SplittingEstimator(JobSpec spec) {
        this.spec = spec;
    }

    /** The estimator of spec, or null when the spec does not run splitting. */
    public static SplittingEstimator forSpec(JobSpec spec) {
        return spec.splitting() == null ? null : new SplittingEstimator(spec);
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
    public Class<SplittingRecord> recordType() {
        return SplittingRecord.class;
    }

    @Override
    public int units(SweepPoint p) {
        return spec.splitting().replicas();
    }

    @Override
    public WorkUnit unit(SweepPoint p, int seed, int index) {
        return new WorkUnit(METHOD, p.width(), p.depth(), seed, index, 0);
    }

    /**
     * N (1 + m R) evaluations (plus the pilot's share) at the cost of a draw, R the rungs: with
     * P ~ eps^(n/2) (n measurements) the grid spans ln P = (n/2) ln(epsMax / epsMin), and a rung
     * passes about -ln(1 - f) of it. Capped by the evaluation budget. Full weights that move in
     * lanes ({@link WeightSpace#movesInLanes}) cost what plain G&amp;C's lanes do per evaluation
     * ({@link CostModel#inLanes}; the moves measured 2.65x faster than one at a time, docs/curves.md).
     */
    @Override
    public double unitSeconds(SweepPoint p) {
        SplittingSettings s = spec.splitting().settings();
        EpsGrid grid = spec.curveGrid(p);
        double rungs = spec.problem().measurements() / 2.0 * Math.log(grid.epsMax() / grid.epsMin())
                / -Math.log(1 - s.killFraction());
        double evaluations = (s.particles() + s.pilotParticles()) * (1 + s.movesPerRung() * rungs);
        Factorization model = spec.model(p);
        GncSettings gnc = spec.gnc().sampling();
        boolean reduced = SplittingMemory.reduced(model, gnc);
        double nanos = CostModel.drawNanos(model, reduced ? SamplerKind.REDUCED : SamplerKind.DIRECT);
        if (!reduced && WeightSpace.movesInLanes(model, gnc)) {
            nanos = CostModel.inLanes(nanos);
        }
        return Math.min(evaluations, s.maxEvaluations()) * nanos * 1e-9;
    }

    /** A replica's particles and work space (SplittingMemory), and a megabyte for the rest. */
    @Override
    public long unitBytes(SweepPoint p) {
        return SplittingMemory.bytesPerReplica(spec.model(p), spec.gnc().sampling(), spec.splitting().settings(),
                spec.curveGrid(p)) + (1L << 20);
    }

    @Override
    public String unitBytesFields() {
        return "splitting.particles, or the widths and depths of the sweep";
    }

    @Override
    public String fingerprint(WorkUnit u) {
        SweepPoint p = new SweepPoint(u.width(), u.depth());
        return Fingerprint.of("gnc-splitting-unit-v1|" + spec.splittingKey(p) + "|" + spec.dataKey() + "|"
                + spec.curveGrid(p) + "|" + spec.splitting().settings());
    }

    @Override
    public UnitRecord compute(WorkUnit u, ProblemInstance problem) {
        SweepPoint p = new SweepPoint(u.width(), u.depth());
        Splitting splitting = new Splitting(problem, spec.model(p), spec.gnc().sampling(),
                spec.splitting().settings(), spec.curveGrid(p));
        return SplittingRecord.of(splitting.run(Streams.stream(spec.splittingKey(p), u.width(), u.depth(), u.seed(),
                u.index())));
    }

    /**
     * The splitting table, its curve rows, and from the curve at gnc.eps a trials row per trial:
     * acceptance_rate = P, draws = the trial's loss evaluations, accepted = the particles below
     * eps when the level passed it (N per replica).
     */
    @Override
    public void writeTables(TableSink sink, Dataset<Row> unitRows) {
        Dataset<Row> replicas = sink.write(SplittingTable.NAME, SplittingTable.sorted(unitRows));
        Dataset<Row> curve = SplittingTable.curve(replicas, spec);
        sink.addCurve(curve);
        long states = (long) spec.splitting().settings().particles() * spec.splitting().replicas();
        Dataset<Row> trials = curve.filter(functions.col("eps").equalTo(spec.gnc().eps()))
                .select(functions.col("method"), functions.col("width"), functions.col("depth"),
                        functions.col("activation"), functions.col("seed"), functions.col("eps"),
                        functions.col("evaluations").as("draws"), functions.lit(states).as("accepted"),
                        functions.col("probability").as("acceptance_rate"),
                        functions.col("probability_se").as("acceptance_rate_se"),
                        functions.lit(null).cast("double").as("prior_mean"),
                        functions.lit(null).cast("double").as("prior_se"), functions.col("gnc_mean"),
                        functions.col("gnc_se"), functions.lit(null).cast("double").as("train_min"));
        sink.addTrials(trials);
        sink.addSummaryValues(trials.selectExpr("method", "width", "depth", "activation", "seed", "gnc_mean AS value",
                "draws", "accepted", "acceptance_rate AS rate"));
    }
}
