package gnc.job;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import gnc.kernel.BlockStats;
import gnc.kernel.GncSampler;
import gnc.kernel.ProblemInstance;
import gnc.kernel.Streams;
import gnc.results.BlockTable;
import gnc.spec.GncSpec;
import gnc.spec.JobSpec;
import gnc.spec.SweepPoint;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain G&C work units: planning the blocks of a (point, seed) trial, naming their results, and
 * computing one with the kernel into its unit file record ({@link BlockTable#UNIT_SCHEMA}).
 */
final class GncUnits implements MethodUnits {
    private static final long serialVersionUID = 1L;
    static final String METHOD = BlockTable.GNC;

    private final JobSpec spec;

    GncUnits(JobSpec spec) {
        this.spec = spec;
    }

    /**
     * The blocks of one trial: ceil(draws / blockSize) of blockSize draws, the last one shorter
     * when blockSize does not divide draws. A block's draws are a prefix of the same block in any
     * longer run, so more draws extend fewer.
     */
    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public List<WorkUnit> plan(SweepPoint p, int seed) {
        GncSpec g = spec.gnc();
        List<WorkUnit> units = new ArrayList<>();
        for (int b = 0; b < g.blocksPerTrial(); b++) {
            long first = (long) b * g.blockSize();
            units.add(new WorkUnit(METHOD, p.width(), p.depth(), seed, b, Math.min(g.blockSize(), g.draws() - first)));
        }
        return units;
    }

    /** What a block's result depends on beyond its place: the draws, the data, its size and thresholds. */
    @Override
    public String fingerprint(WorkUnit u) {
        GncSpec g = spec.gnc();
        long h = Streams.key("gnc-unit-v1|" + spec.drawKey(new SweepPoint(u.width(), u.depth())) + "|" + spec.dataKey() + "|" + u.draws() + "|" + g.eps() + "|"
                + g.keepThreshold() + "|" + g.keepCap());
        return String.format("%016x", h).substring(0, 12);
    }

    /** Runs the block with the kernel. */
    @Override
    public Result compute(WorkUnit u, ProblemInstance problem) {
        GncSpec g = spec.gnc();
        SweepPoint point = new SweepPoint(u.width(), u.depth());
        GncSampler sampler = new GncSampler(problem, spec.model(point), g.sampling());
        BlockStats stats = new BlockStats();
        KeptDraws kept = new KeptDraws(g.keepCap());
        sampler.run(Streams.stream(spec.drawKey(point), u.width(), u.depth(), u.seed(), u.block()), u.draws(), g.eps(),
                g.keepThreshold(), kept, stats);
        return new Result(json(u, stats, kept), stats.draws(), stats.accepted());
    }

    private String json(WorkUnit u, BlockStats s, KeptDraws kept) {
        StringWriter text = new StringWriter();
        try (JsonGenerator j = new JsonFactory().createGenerator(text)) {
            j.writeStartObject();
            j.writeStringField("method", METHOD);
            j.writeNumberField("width", u.width());
            j.writeNumberField("depth", u.depth());
            j.writeStringField("activation", spec.activation().kind().specName());
            j.writeNumberField("seed", u.seed());
            j.writeNumberField("block", u.block());
            j.writeNumberField("eps", spec.gnc().eps());
            j.writeNumberField("draws", s.draws());
            j.writeNumberField("accepted", s.accepted());
            j.writeNumberField("gen_sum", s.genSum());
            j.writeNumberField("gen_sumsq", s.genSumSq());
            j.writeNumberField("gen_sum_accepted", s.acceptedGenSum());
            j.writeNumberField("gen_sumsq_accepted", s.acceptedGenSumSq());
            j.writeNumberField("train_min", s.trainMin());
            j.writeNumberField("keep_threshold", spec.gnc().keepThreshold());
            j.writeNumberField("kept", kept.count());
            j.writeArrayFieldStart("kept_draws");
            for (int i = 0; i < kept.written(); i++) {
                j.writeStartObject();
                j.writeNumberField("index", kept.index(i));
                j.writeNumberField("train_loss", kept.train(i));
                j.writeNumberField("gen_loss", kept.gen(i));
                j.writeNumberField("w_norm", kept.norm(i));
                j.writeEndObject();
            }
            j.writeEndArray();
            j.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The first cap kept draws of a block, and how many there were in all. */
    static final class KeptDraws implements GncSampler.KeptDraws {
        private final int cap;
        private final List<double[]> rows = new ArrayList<>();
        private long count;

        KeptDraws(int cap) {
            this.cap = cap;
        }

        @Override
        public void keep(long index, double trainLoss, double genLoss, double norm) {
            count++;
            if (rows.size() < cap) {
                rows.add(new double[] {index, trainLoss, genLoss, norm});
            }
        }

        long count() {
            return count;
        }

        int written() {
            return rows.size();
        }

        long index(int i) {
            return (long) rows.get(i)[0];
        }

        double train(int i) {
            return rows.get(i)[1];
        }

        double gen(int i) {
            return rows.get(i)[2];
        }

        double norm(int i) {
            return rows.get(i)[3];
        }
    }
}
