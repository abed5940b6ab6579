package gnc.estimator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import gnc.results.TrialColumns;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * An estimator's unit rows: the trial key (method, width, depth, activation, seed), the unit's
 * index under the estimator's name for it (when it has one), then the record's columns. A unit
 * file holds one such row as JSON; the estimator's tables are built from them.
 */
public final class UnitRows {
    private UnitRows() {
    }

    /** The schema of the estimator's unit rows. */
    public static StructType schema(Estimator e) {
        return schema(e.indexColumn(), e.recordType());
    }

    /** The schema of unit rows with that index column (or none, when null) and record. */
    public static StructType schema(String indexColumn, Class<? extends Record> recordType) {
        StructType s = TrialColumns.KEY;
        if (indexColumn != null) {
            s = s.add(indexColumn, DataTypes.IntegerType, false);
        }
        for (StructField f : RecordSchema.of(recordType).struct().fields()) {
            s = s.add(f);
        }
        return s;
    }

    /** A computed unit as one line of JSON in that schema. */
    public static String json(Estimator e, WorkUnit u, String activation, UnitRecord record) {
        StringWriter text = new StringWriter();
        try (JsonGenerator j = new JsonFactory().createGenerator(text)) {
            j.writeStartObject();
            j.writeStringField("method", e.method());
            j.writeNumberField("width", u.width());
            j.writeNumberField("depth", u.depth());
            j.writeStringField("activation", activation);
            j.writeNumberField("seed", u.seed());
            if (e.indexColumn() != null) {
                j.writeNumberField(e.indexColumn(), u.index());
            }
            RecordSchema.of(e.recordType()).writeFields(j, (Record) record);
            j.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return text.toString();
    }
}
