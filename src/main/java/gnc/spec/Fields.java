package gnc.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Strict reading of one JSON object of a spec: every field is read through its declaration in
 * {@link JobFields} (see {@link Field}), and {@link #finish()} rejects any field nobody read, so
 * a typo is an error rather than a silently ignored setting. Messages name a field by its label:
 * its full path, or what the reader was told to call it (the authors' key it came from, the
 * command-line option that set it).
 */
final class Fields {
    private final JsonNode node;
    private final String path;
    private final UnaryOperator<String> labels;
    private final Set<String> read = new LinkedHashSet<>();

    /** The object at path (empty for the spec itself); labels maps a field's path to its name in messages. */
    Fields(JsonNode node, String path, UnaryOperator<String> labels) {
        this.path = path;
        this.labels = labels;
        if (node == null || !node.isObject()) {
            throw new SpecException(label() + " must be a JSON object" + (node == null ? "" : ", got " + describe(node)));
        }
        this.node = node;
    }

    /** What messages call the field at this path. */
    String label(String fieldPath) {
        return labels.apply(fieldPath);
    }

    /** What messages call this object ("the spec" at the top). */
    String label() {
        return path.isEmpty() ? "the spec" : labels.apply(path);
    }

    /** The full path of a field of this object. */
    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Whether the field is present (and not JSON null); it counts as read. */
    boolean has(Field field) {
        return value(field) != null;
    }

    /** The field's JSON value, or null when absent or JSON null; it counts as read. */
    JsonNode value(Field field) {
        String name = field.name();
        if (!path(name).equals(field.path())) {
            throw new IllegalArgumentException(field.path() + " is not a field of " + (path.isEmpty() ? "the spec" : path));
        }
        read.add(name);
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    /** The JSON value of a key that no {@link Field} declares (an authors' key), or null; it counts as read. */
    JsonNode raw(String name) {
        read.add(name);
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    /** The nested object, or null when absent. */
    Fields object(String name) {
        read.add(name);
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : new Fields(v, path(name), labels);
    }

    /** Rejects every field that no accessor asked for. */
    void finish() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!read.contains(n)) {
                throw new SpecException("unknown field " + label(path(n)) + " (" + label() + " takes: "
                        + String.join(", ", read) + ")");
            }
        }
    }

    /** What an absent field becomes: its default, or an error when it has none (it is required). */
    <T> T absent(Field field, T fallback) {
        if (fallback == null) {
            throw missing(field);
        }
        return fallback;
    }

    SpecException missing(Field field) {
        return new SpecException("missing required field " + label(field.path()) + " (" + field.allowed() + ")");
    }

    /** A missing field of this object that no {@link Field} declares. */
    SpecException missing(String name, String allowed) {
        return new SpecException("missing required field " + label(path(name)) + " (" + allowed + ")");
    }

    static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "\"" + v.asText() + "\"";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "a list";
        }
        return v.isNumber() ? v.asText() : v.toString();
    }
}
