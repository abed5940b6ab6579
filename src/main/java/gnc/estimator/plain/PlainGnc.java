package gnc.estimator.plain;

import gnc.estimator.CostModel;
import gnc.estimator.Estimator;
import gnc.estimator.Fingerprint;
import gnc.estimator.TableSink;
import gnc.estimator.UnitRecord;
import gnc.estimator.WorkUnit;
import gnc.kernel.BlockStats;
import gnc.kernel.GncSampler;
import gnc.kernel.Lanes;
import gnc.kernel.ProblemInstance;
import gnc.kernel.Streams;
import gnc.spec.GncSpec;
import gnc.spec.JobSpec;
import gnc.spec.SweepPoint;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Plain Guess & Check: each (point, seed) trial is cut into blocks of draws; a block runs the
 * kernel's {@link GncSampler} on its own stream (draw key, width, depth, seed, block) into a
 * {@link BlockRecord}. Tables: {@code blocks} (one row per block), {@code accepted} (the kept
 * draws), its rows of {@code curve} from those ({@link PlainCurve}), and per trial a {@code
 * trials} row (prior and G&C means, acceptance rate) whose G&C and prior means enter the summary
 * as methods {@code gnc} and {@code prior}.
 */
public final class PlainGnc implements Estimator {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LogManager.getLogger(PlainGnc.class);
    public static final String METHOD = GncSpec.PLAIN;
    static final String INDEX = "block";

    private final JobSpec spec;

    private PlainGnc(JobSpec spec) {
        this.spec = spec;
    }

    /** The estimator of spec, or null when the spec makes no plain draws. */
    public static PlainGnc forSpec(JobSpec spec) {
        return spec.gnc().runs(GncSpec.PLAIN) ? new PlainGnc(spec) : null;
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public String indexColumn() {
        return INDEX;
    }

    @Override
    public Class<BlockRecord> recordType() {
        return BlockRecord.class;
    }

    /**
     * The blocks of one trial: ceil(draws / blockSize) of blockSize draws, the last one shorter
     * when blockSize does not divide draws. A block's draws are a prefix of the same block in any
     * longer run, so more draws extend fewer.
     */
    @Override
    public int units(SweepPoint p) {
        return (int) spec.gnc().blocksPerTrial();
    }

    @Override
    public WorkUnit unit(SweepPoint p, int seed, int index) {
        GncSpec g = spec.gnc();
        long first = (long) index * g.blockSize();
        return new WorkUnit(METHOD, p.width(), p.depth(), seed, index, Math.min(g.blockSize(), g.draws() - first));
    }

    @Override
    public double unitSeconds(SweepPoint p) {
        GncSpec g = spec.gnc();
        var model = spec.model(p);
        return Math.min(g.blockSize(), g.draws()) * CostModel.gncDrawNanos(model, g.sampling()) * 1e-9;
    }

    /** The kept draws (a record each, then a line of JSON) and the sampler's workspaces. */
    @Override
    public long unitBytes(SweepPoint p) {
        return spec.gnc().keepCap() * BYTES_PER_KEPT_DRAW + 64 * CostModel.weights(spec.model(p)) + (1L << 20);
    }

    /** A kept draw in memory: its record (48 bytes), a list slot, and its JSON text (about 100 chars). */
    static final long BYTES_PER_KEPT_DRAW = 300;

    @Override
    public String unitBytesFields() {
        return "gnc.keep_cap (kept draws per block)";
    }

    /**
     * What a block's result depends on beyond its place: the draws (with the kernel that makes
     * them, {@link Lanes#kernel}: direct or reduced lanes or scalar, whose streams differ), the
     * data, its size and thresholds.
     */
    @Override
    public String fingerprint(WorkUnit u) {
        if (fingerprints == null) {
            fingerprints = new ConcurrentHashMap<>();
        }
        return fingerprints.computeIfAbsent(u.width() + "/" + u.depth() + "/" + u.draws(), k -> fingerprintText(u));
    }

    /** Fingerprints by point and block size: the same for every block of that size at the point. */
    private transient Map<String, String> fingerprints;

    private String fingerprintText(WorkUnit u) {
        GncSpec g = spec.gnc();
        SweepPoint point = new SweepPoint(u.width(), u.depth());
        String kernel = Lanes.kernel(spec.model(point), g.sampling());
        return Fingerprint.of("gnc-unit-v2|" + kernel + "|" + spec.drawKey(point) + "|" + spec.dataKey() + "|"
                + u.draws() + "|" + g.eps() + "|" + g.keepThreshold() + "|" + g.keepCap());
    }

    /** Runs the block with the kernel. */
    @Override
    public UnitRecord compute(WorkUnit u, ProblemInstance problem) {
        GncSpec g = spec.gnc();
        SweepPoint point = new SweepPoint(u.width(), u.depth());
        GncSampler sampler = new GncSampler(problem, spec.model(point), g.sampling());
        BlockStats s = new BlockStats();
        KeptDraws kept = new KeptDraws(g.keepCap());
        sampler.run(Streams.stream(spec.drawKey(point), u.width(), u.depth(), u.seed(), u.index()), u.draws(), g.eps(),
                g.keepThreshold(), kept, s);
        if (!Double.isFinite(s.genSumSq())) {
            throw new IllegalStateException("the sum of squared L_gen of " + u + " overflowed (" + s.genSumSq()
                    + "): the spec's losses are too large to sum");
        }
        return new BlockRecord(g.eps(), s.draws(), s.accepted(), s.genSum(), s.genSumSq(), s.acceptedGenSum(),
                s.acceptedGenSumSq(), s.trainMin(), g.keepThreshold(), kept.count(), kept.rows());
    }

    /**
     * {@code blocks} from the unit rows without their kept draws, {@code accepted} from those,
     * and the trials rows aggregated from the blocks.
     */
    @Override
    public void writeTables(TableSink sink, Dataset<Row> unitRows) {
        Dataset<Row> units = unitRows.persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> blocks = units.drop("kept_draws");
        long planned = spec.gnc().blocksPerTrial() * spec.seeds() * spec.sweep().values().size();
        sink.write(BlockTable.NAME, BlockTable.sorted(blocks, planned));
        warnIfCapped(units);
        sink.write(AcceptedTable.NAME, AcceptedTable.fromUnits(units));
        sink.addCurve(PlainCurve.of(units, spec));
        Dataset<Row> trials = BlockTrials.of(blocks).persist(StorageLevel.MEMORY_AND_DISK());
        sink.addTrials(trials);
        sink.addSummaryValues(BlockTrials.summaryValues(trials));
        units.unpersist();
    }

    /** The accepted table is complete unless some block kept more draws than keep_cap. */
    private void warnIfCapped(Dataset<Row> units) {
        long capped = units.filter("kept > size(kept_draws)").count();
        if (capped > 0) {
            GncSpec g = spec.gnc();
            LOG.warn("{} blocks kept more than gnc.keep_cap = {} draws below gnc.keep_threshold = {}; the accepted "
                    + "table holds the first {} of each: raise keep_cap or lower keep_threshold to keep them all",
                    capped, g.keepCap(), g.keepThreshold(), g.keepCap());
        }
    }
}
