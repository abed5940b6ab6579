package gnc.job;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import gnc.kernel.ProblemInstance;
import gnc.kernel.Streams;
import gnc.kernel.SubsetResult;
import gnc.kernel.SubsetSettings;
import gnc.kernel.SubsetSimulation;
import gnc.results.SubsetTable;
import gnc.spec.JobSpec;
import gnc.spec.SweepPoint;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Subset-simulation work units: the independent replicas of each (point, seed) trial, one unit
 * each, spread over the executors. Replica r's stream is (subset key, width, depth, seed, r).
 */
final class SubsetUnits implements MethodUnits {
    private static final long serialVersionUID = 1L;

    private final JobSpec spec;

    SubsetUnits(JobSpec spec) {
        this.spec = spec;
    }

    @Override
    public String method() {
        return SubsetTable.METHOD;
    }

    @Override
    public List<WorkUnit> plan(SweepPoint p, int seed) {
        List<WorkUnit> units = new ArrayList<>();
        for (int r = 0; r < spec.subset().replicas(); r++) {
            units.add(new WorkUnit(SubsetTable.METHOD, p.width(), p.depth(), seed, r, 0));
        }
        return units;
    }

    @Override
    public String fingerprint(WorkUnit u) {
        SubsetSettings s = spec.subset().settings();
        long h = Streams.key("gnc-subset-unit-v1|" + spec.subsetKey() + "|" + spec.dataKey() + "|" + spec.gnc().eps()
                + "|" + s);
        return String.format("%016x", h).substring(0, 12);
    }

    @Override
    public Result compute(WorkUnit u, ProblemInstance problem) {
        double eps = spec.gnc().eps();
        SubsetResult r = new SubsetSimulation(problem, spec.model(new SweepPoint(u.width(), u.depth())),
                spec.gnc().sampling(), spec.subset().settings())
                .run(eps, Streams.stream(spec.subsetKey(), u.width(), u.depth(), u.seed(), u.block()));
        StringWriter text = new StringWriter();
        try (JsonGenerator j = new JsonFactory().createGenerator(text)) {
            j.writeStartObject();
            j.writeStringField("method", SubsetTable.METHOD);
            j.writeNumberField("width", u.width());
            j.writeNumberField("depth", u.depth());
            j.writeStringField("activation", spec.activation().kind().specName());
            j.writeNumberField("seed", u.seed());
            j.writeNumberField("replica", u.block());
            j.writeNumberField("eps", eps);
            j.writeNumberField("probability", r.probability());
            if (Double.isFinite(r.cv())) {
                j.writeNumberField("cv", r.cv());
            } else {
                j.writeNullField("cv");
            }
            j.writeNumberField("levels", r.levels());
            j.writeBooleanField("levels_exhausted", r.levelsExhausted());
            j.writeNumberField("final_count", r.finalCount());
            j.writeNumberField("gen_sum", r.genSum());
            j.writeNumberField("gen_sumsq", r.genSumSq());
            j.writeNumberField("evaluations", r.evaluations());
            array(j, "thresholds", r.thresholds());
            array(j, "acceptance_rates", r.acceptanceRates());
            array(j, "rhos", r.rhos());
            array(j, "correlation_factors", r.correlationFactors());
            j.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(text.toString(), 0, 0);
    }

    private static void array(JsonGenerator j, String name, double[] values) throws IOException {
        j.writeArrayFieldStart(name);
        for (double v : values) {
            j.writeNumber(v);
        }
        j.writeEndArray();
    }
}
