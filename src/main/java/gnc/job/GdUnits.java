package gnc.job;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import gnc.kernel.GdResult;
import gnc.kernel.GdSettings;
import gnc.kernel.GradientDescent;
import gnc.kernel.ProblemInstance;
import gnc.kernel.Streams;
import gnc.results.GdTable;
import gnc.spec.JobSpec;
import gnc.spec.SweepPoint;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Gradient-descent work units: one per (point, seed) trial, run in the same Spark job as the
 * trial's G&C blocks. GD's initialization stream is (gd key, width, depth, seed).
 */
final class GdUnits implements MethodUnits {
    private static final long serialVersionUID = 1L;

    private final JobSpec spec;

    GdUnits(JobSpec spec) {
        this.spec = spec;
    }

    @Override
    public String method() {
        return GdTable.METHOD;
    }

    @Override
    public List<WorkUnit> plan(SweepPoint p, int seed) {
        return List.of(new WorkUnit(GdTable.METHOD, p.width(), p.depth(), seed, 0, 0));
    }

    private GdSettings settings(WorkUnit u) {
        return spec.gd().settings(spec.pointIndex(new SweepPoint(u.width(), u.depth())));
    }

    @Override
    public String fingerprint(WorkUnit u) {
        GdSettings g = settings(u);
        long h = Streams.key("gnc-gd-unit-v1|" + spec.gdKey() + "|" + spec.dataKey() + "|" + spec.activation() + "|"
                + g.learningRate() + "|" + g.epochs() + "|" + g.initScale() + "|" + g.momentum());
        return String.format("%016x", h).substring(0, 12);
    }

    @Override
    public Result compute(WorkUnit u, ProblemInstance problem) {
        GdSettings g = settings(u);
        long start = System.nanoTime();
        GdResult r = new GradientDescent(problem, spec.model(new SweepPoint(u.width(), u.depth())))
                .run(g, Streams.stream(spec.gdKey(), u.width(), u.depth(), u.seed()));
        double seconds = (System.nanoTime() - start) / 1e9;
        StringWriter text = new StringWriter();
        try (JsonGenerator j = new JsonFactory().createGenerator(text)) {
            j.writeStartObject();
            j.writeStringField("method", GdTable.METHOD);
            j.writeNumberField("width", u.width());
            j.writeNumberField("depth", u.depth());
            j.writeStringField("activation", spec.activation().kind().specName());
            j.writeNumberField("seed", u.seed());
            j.writeNumberField("lr", g.learningRate());
            j.writeNumberField("init_scale", g.initScale());
            j.writeNumberField("momentum", g.momentum());
            j.writeNumberField("epochs", r.epochs());
            j.writeNumberField("train_loss", r.trainLoss());
            j.writeNumberField("gen_loss", r.genLoss());
            j.writeNumberField("seconds", seconds);
            j.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(text.toString(), 0, 0);
    }
}
