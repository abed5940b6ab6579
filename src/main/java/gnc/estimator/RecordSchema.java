package gnc.estimator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The one schema of a unit record, derived from its Java record class: each component is a column
 * named by the component's name in snake case ({@code genSumsqAccepted} is
 * {@code gen_sumsq_accepted}), in declaration order. The same schema writes a record as JSON (the
 * unit file) and, as a Spark {@link StructType}, reads it back, so the two cannot drift apart.
 *
 * <p>Column types: {@code int}, {@code long}, {@code double}, {@code boolean} and {@code String}
 * are required; {@code Double} is a nullable double; {@code double[]} an array of doubles; a
 * {@code List} of records an array of structs of that record's schema.
 */
public final class RecordSchema {
    private final Method[] accessors;
    private final String[] columns;
    /** For each column holding a list of records, the schema of those records (else null). */
    private final RecordSchema[] elements;
    private final StructType struct;

    private static final ClassValue<RecordSchema> SCHEMAS = new ClassValue<>() {
        @Override
        @SuppressWarnings("unchecked")
        protected RecordSchema computeValue(Class<?> type) {
            return new RecordSchema((Class<? extends Record>) type);
        }
    };

    /** The schema of a record class (built once per class and JVM). */
    public static RecordSchema of(Class<? extends Record> type) {
        return SCHEMAS.get(type);
    }

    private RecordSchema(Class<? extends Record> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        RecordComponent[] components = type.getRecordComponents();
        this.accessors = new Method[components.length];
        this.columns = new String[components.length];
        this.elements = new RecordSchema[components.length];
        StructType s = new StructType();
        for (int i = 0; i < components.length; i++) {
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true);
            columns[i] = column(components[i].getName());
            Type t = components[i].getGenericType();
            DataType sparkType;
            if (t instanceof ParameterizedType p && p.getRawType() == List.class
                    && p.getActualTypeArguments()[0] instanceof Class<?> e && e.isRecord()) {
                @SuppressWarnings("unchecked")
                Class<? extends Record> element = (Class<? extends Record>) e;
                elements[i] = of(element);
                sparkType = DataTypes.createArrayType(elements[i].struct(), false);
            } else {
                sparkType = sparkType(t);
            }
            s = s.add(columns[i], sparkType, t == Double.class);
        }
        this.struct = s;
    }

    /** The record's columns as a Spark schema. */
    public StructType struct() {
        return struct;
    }

    /** camelCase to snake_case. */
    static String column(String component) {
        return component.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static DataType sparkType(Type t) {
        if (t == int.class) {
            return DataTypes.IntegerType;
        }
        if (t == long.class) {
            return DataTypes.LongType;
        }
        if (t == double.class || t == Double.class) {
            return DataTypes.DoubleType;
        }
        if (t == boolean.class) {
            return DataTypes.BooleanType;
        }
        if (t == String.class) {
            return DataTypes.StringType;
        }
        if (t == double[].class) {
            return DataTypes.createArrayType(DataTypes.DoubleType, false);
        }
        throw new IllegalArgumentException("a unit record component cannot be of type " + t.getTypeName());
    }

    /** Writes the record's fields (name and value) into the JSON object the generator is in. */
    public void writeFields(JsonGenerator j, Record r) throws IOException {
        for (int i = 0; i < accessors.length; i++) {
            j.writeFieldName(columns[i]);
            Object v = value(accessors[i], r);
            if (elements[i] != null) {
                j.writeStartArray();
                for (Object element : (List<?>) v) {
                    j.writeStartObject();
                    elements[i].writeFields(j, (Record) element);
                    j.writeEndObject();
                }
                j.writeEndArray();
            } else {
                writeValue(j, v);
            }
        }
    }

    private static void writeValue(JsonGenerator j, Object v) throws IOException {
        if (v == null) {
            j.writeNull();
        } else if (v instanceof Integer x) {
            j.writeNumber(x);
        } else if (v instanceof Long x) {
            j.writeNumber(x);
        } else if (v instanceof Double x) {
            j.writeNumber(x);
        } else if (v instanceof Boolean x) {
            j.writeBoolean(x);
        } else if (v instanceof String x) {
            j.writeString(x);
        } else if (v instanceof double[] xs) {
            j.writeStartArray();
            for (double x : xs) {
                j.writeNumber(x);
            }
            j.writeEndArray();
        } else {
            throw new IllegalArgumentException("cannot write " + v.getClass().getName());
        }
    }

    private static Object value(Method accessor, Record r) {
        try {
            return accessor.invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor.getName() + " of " + r, e);
        }
    }
}
