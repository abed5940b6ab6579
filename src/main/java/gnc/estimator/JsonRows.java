package gnc.estimator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a unit row back from its JSON object, strictly, by the schema that wrote it: every field
 * must be present with a value of its type (null only where the schema allows it), and no other
 * field may appear. A violation is an {@link IllegalArgumentException} naming the field, never a
 * row with nulls. Doubles may be written as JSON numbers or, when not finite, as "NaN",
 * "Infinity" and "-Infinity" (Jackson's spelling).
 */
public final class JsonRows {
    private JsonRows() {
    }

    /** The row that object holds under schema. */
    public static Row row(JsonNode object, StructType schema) {
        return struct(object, schema, "");
    }

    private static Row struct(JsonNode o, StructType schema, String path) {
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException((path.isEmpty() ? "the row" : path) + " is not a JSON object");
        }
        StructField[] fields = schema.fields();
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            StructField f = fields[i];
            String where = path.isEmpty() ? f.name() : path + "." + f.name();
            JsonNode v = o.get(f.name());
            if (v == null) {
                throw new IllegalArgumentException("field " + where + " is missing");
            }
            if (v.isNull()) {
                if (!f.nullable()) {
                    throw new IllegalArgumentException("field " + where + " is null");
                }
                continue;
            }
            values[i] = value(v, f.dataType(), where);
        }
        if (o.size() != fields.length) {
            for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
                String n = names.next();
                if (!schema.getFieldIndex(n).isDefined()) {
                    throw new IllegalArgumentException("unknown field " + (path.isEmpty() ? n : path + "." + n));
                }
            }
        }
        return new GenericRowWithSchema(values, schema);
    }

    private static Object value(JsonNode v, DataType type, String where) {
        if (type.equals(DataTypes.IntegerType) && v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        if (type.equals(DataTypes.LongType) && v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (type.equals(DataTypes.DoubleType)) {
            if (v.isNumber()) {
                return v.doubleValue();
            }
            if (v.isTextual() && List.of("NaN", "Infinity", "-Infinity").contains(v.asText())) {
                return Double.parseDouble(v.asText());
            }
        }
        if (type.equals(DataTypes.BooleanType) && v.isBoolean()) {
            return v.booleanValue();
        }
        if (type.equals(DataTypes.StringType) && v.isTextual()) {
            return v.asText();
        }
        if (type instanceof ArrayType a && v.isArray()) {
            List<Object> items = new ArrayList<>(v.size());
            for (int i = 0; i < v.size(); i++) {
                String at = where + "[" + i + "]";
                JsonNode item = v.get(i);
                if (item.isNull()) {
                    throw new IllegalArgumentException("field " + at + " is null");
                }
                items.add(a.elementType() instanceof StructType s ? struct(item, s, at) : value(item, a.elementType(), at));
            }
            return scala.jdk.javaapi.CollectionConverters.asScala(items).toSeq(); // Spark's external array type
        }
        throw new IllegalArgumentException("field " + where + " must be " + type.simpleString() + ", got "
                + (v.isTextual() ? "\"" + v.asText() + "\"" : v.toString()));
    }
}
