package gnc.job;

import com.fasterxml.jackson.databind.JsonNode;
import gnc.estimator.Estimator;
import gnc.estimator.JsonRows;
import gnc.estimator.UnitRows;
import gnc.spec.JobSpec;
import gnc.spec.SweepPoint;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The units a run's spec plans, as the executors see them: which estimator a unit row belongs to,
 * whether the spec plans that unit, and the fingerprint it must carry to be this spec's result.
 * Built on each executor from the broadcast spec, which travels Java-serialized: Spark broadcasts
 * with Kryo, which cannot serialize records.
 */
final class PlannedUnits implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Broadcast<byte[]> shipped;
    private transient JobSpec spec;
    private transient Map<String, Estimator> estimators;
    private transient Map<String, StructType> schemas;

    PlannedUnits(Broadcast<byte[]> shipped) {
        this.shipped = shipped;
    }

    /** The spec as bytes to broadcast. */
    static byte[] serialize(JobSpec spec) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(spec);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    JobSpec spec() {
        if (spec == null) {
            try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                    new java.io.ByteArrayInputStream(shipped.value()))) {
                spec = (JobSpec) in.readObject();
            } catch (java.io.IOException | ClassNotFoundException e) {
                throw new IllegalStateException("cannot read the broadcast spec", e);
            }
        }
        return spec;
    }

    /** The spec's estimator of that method, or null when the spec does not run it. */
    Estimator estimator(String method) {
        if (estimators == null) {
            estimators = new HashMap<>();
            schemas = new HashMap<>();
            for (Estimator e : Estimators.of(spec())) {
                estimators.put(e.method(), e);
                schemas.put(e.method(), UnitRows.schema(e));
            }
        }
        return estimators.get(method);
    }

    /** A unit's row read back under its estimator's schema (strictly: see {@link JsonRows}). */
    Row row(Estimator e, JsonNode json) {
        return JsonRows.row(json, schemas.get(e.method()));
    }

    /** Where a unit row sits: its trial and index. */
    record Key(String method, int width, int depth, int seed, int index) {
        static Key of(Estimator e, Row r) {
            int index = e.indexColumn() == null ? 0 : r.<Integer>getAs(e.indexColumn());
            return new Key(e.method(), r.getAs("width"), r.getAs("depth"), r.getAs("seed"), index);
        }
    }

    /** Whether the spec plans the unit at key and fingerprint is that of its result. */
    boolean wanted(Estimator e, Key k, String fingerprint) {
        JobSpec s = spec();
        SweepPoint p = new SweepPoint(k.width(), k.depth());
        List<SweepPoint> points = s.sweep().points();
        if (!points.contains(p) || k.seed() < 0 || k.seed() >= s.seeds() || k.index() < 0 || k.index() >= e.units(p)) {
            return false;
        }
        return e.fingerprint(e.unit(p, k.seed(), k.index())).equals(fingerprint);
    }
}
