package gnc.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Strict reading of one JSON object of a spec: every field is read through a typed accessor that
 * states what is allowed, and {@link #finish()} rejects any field nobody read, so a typo is an
 * error rather than a silently ignored setting. Messages name the field by its full path.
 */
final class Fields {
    private final JsonNode node;
    private final String path;
    private final Set<String> read = new LinkedHashSet<>();

    Fields(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new SpecException((path.isEmpty() ? "the spec" : path) + " must be a JSON object"
                    + (node == null ? "" : ", got " + describe(node)));
        }
        this.node = node;
        this.path = path;
    }

    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    boolean has(String name) {
        read.add(name);
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    /** The field's JSON value (marking it read), or null when absent. */
    JsonNode raw(String name) {
        read.add(name);
        return node.get(name);
    }

    /** The nested object, or null when absent. */
    Fields object(String name) {
        if (!has(name)) {
            return null;
        }
        return new Fields(node.get(name), path(name));
    }

    String string(String name, String fallback) {
        if (!has(name)) {
            return fallback;
        }
        JsonNode v = node.get(name);
        if (!v.isTextual()) {
            throw new SpecException(path(name) + " must be a string, got " + describe(v));
        }
        return v.asText();
    }

    boolean bool(String name, boolean fallback) {
        if (!has(name)) {
            return fallback;
        }
        JsonNode v = node.get(name);
        if (!v.isBoolean()) {
            throw new SpecException(path(name) + " must be true or false, got " + describe(v));
        }
        return v.asBoolean();
    }

    /** An integer in [min, max]; a number written as 1e6 counts when it is a whole number. */
    long integer(String name, long min, long max, Long fallback) {
        if (!has(name)) {
            if (fallback == null) {
                throw missing(name, "an integer in " + range(min, max));
            }
            return fallback;
        }
        return integerValue(node.get(name), path(name), min, max);
    }

    /** A finite number strictly above min (and at most max). */
    double positive(String name, double min, double max, Double fallback) {
        String allowed = "a finite number > " + min + (max < Double.MAX_VALUE ? " and <= " + max : "");
        if (!has(name)) {
            if (fallback == null) {
                throw missing(name, allowed);
            }
            return fallback;
        }
        JsonNode v = node.get(name);
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || !(v.asDouble() > min) || v.asDouble() > max) {
            throw new SpecException(path(name) + " must be " + allowed + ", got " + describe(v));
        }
        return v.asDouble();
    }

    /** A finite number, any sign. */
    double finite(String name, double fallback) {
        if (!has(name)) {
            return fallback;
        }
        JsonNode v = node.get(name);
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new SpecException(path(name) + " must be a finite number, got " + describe(v));
        }
        return v.asDouble();
    }

    /** A non-empty list of distinct integers in [min, max]. */
    List<Integer> integerList(String name, long min, long max) {
        JsonNode v = node.get(name);
        String allowed = "a non-empty list of distinct integers in " + range(min, max);
        if (!v.isArray() || v.isEmpty()) {
            throw new SpecException(path(name) + " must be " + allowed + ", got " + describe(v));
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            int x = (int) integerValue(v.get(i), path(name) + "[" + i + "]", min, max);
            if (out.contains(x)) {
                throw new SpecException(path(name) + " must be " + allowed + ", but " + x + " appears twice");
            }
            out.add(x);
        }
        return out;
    }

    /** Numbers > min, one for every point or one per point (a list of exactly points numbers). */
    List<Double> perPoint(String name, int points, double min, Double fallback) {
        String allowed = "a finite number > " + min + ", or a list of one per point (" + points + ")";
        if (!has(name)) {
            if (fallback == null) {
                throw missing(name, allowed);
            }
            return List.of(fallback);
        }
        JsonNode v = node.get(name);
        List<JsonNode> items = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(items::add);
            if (items.size() != points) {
                throw new SpecException(path(name) + " must be " + allowed + ", got a list of " + items.size());
            }
        } else {
            items.add(v);
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode x = items.get(i);
            if (!x.isNumber() || !Double.isFinite(x.asDouble()) || !(x.asDouble() > min)) {
                throw new SpecException(path(name) + (v.isArray() ? "[" + i + "]" : "") + " must be " + allowed
                        + ", got " + describe(x));
            }
            out.add(x.asDouble());
        }
        return out;
    }

    /** Integers in [min, max], one for every point or one per point. */
    List<Long> perPointInteger(String name, int points, long min, long max) {
        String allowed = "an integer in " + range(min, max) + ", or a list of one per point (" + points + ")";
        if (!has(name)) {
            throw missing(name, allowed);
        }
        JsonNode v = node.get(name);
        List<Long> out = new ArrayList<>();
        if (v.isArray()) {
            if (v.size() != points) {
                throw new SpecException(path(name) + " must be " + allowed + ", got a list of " + v.size());
            }
            for (int i = 0; i < v.size(); i++) {
                out.add(integerValue(v.get(i), path(name) + "[" + i + "]", min, max));
            }
        } else {
            out.add(integerValue(v, path(name), min, max));
        }
        return out;
    }

    /** One of the allowed names. */
    String choice(String name, List<String> allowed, String fallback) {
        String v = string(name, fallback);
        if (v == null) {
            throw missing(name, "one of " + String.join(", ", allowed));
        }
        if (!allowed.contains(v)) {
            throw new SpecException(path(name) + " must be one of " + String.join(", ", allowed) + ", got \"" + v + "\"");
        }
        return v;
    }

    /** Rejects every field that no accessor asked for. */
    void finish() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!read.contains(n)) {
                throw new SpecException("unknown field " + path(n) + " (" + (path.isEmpty() ? "the spec" : path)
                        + " takes: " + String.join(", ", read) + ")");
            }
        }
    }

    SpecException missing(String name, String allowed) {
        return new SpecException("missing required field " + path(name) + " (" + allowed + ")");
    }

    private static long integerValue(JsonNode v, String where, long min, long max) {
        String allowed = "an integer in " + range(min, max);
        boolean whole = v.isIntegralNumber()
                || (v.isNumber() && Double.isFinite(v.asDouble()) && v.asDouble() == Math.rint(v.asDouble())
                    && Math.abs(v.asDouble()) < 9e15);
        if (!whole) {
            throw new SpecException(where + " must be " + allowed + ", got " + describe(v));
        }
        if (v.isIntegralNumber() && !v.canConvertToLong()) {
            throw new SpecException(where + " must be " + allowed + ", got " + describe(v));
        }
        long x = v.isIntegralNumber() ? v.asLong() : (long) v.asDouble();
        if (x < min || x > max) {
            throw new SpecException(where + " must be " + allowed + ", got " + describe(v));
        }
        return x;
    }

    static String range(long min, long max) {
        return min + ".." + max;
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
