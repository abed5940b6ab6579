package gnc.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One field of the job spec, declared once with what it allows, its default and what it means
 * ({@link JobFields} lists them all; README's "Job spec" table states exactly these texts, and a
 * test holds the two together). Each kind reads its value from a {@link Fields} object and
 * refuses anything else with one line: the field's name, {@link #allowed()}, what it got.
 */
public sealed interface Field permits Field.Int, Field.Num, Field.Choice, Field.Flag, Field.Text, Field.IntList,
        Field.ChoiceList, Field.PerPoint {

    /** The full path, e.g. "problem.rows". */
    String path();

    /** What the field allows, as the error messages and README state it. */
    String allowed();

    /** The default as JSON text ("5", "\"gauss\""), or the rule that applies when it is absent. */
    String defaultText();

    /** One line: what the field means. */
    String meaning();

    /** The last segment of the path: the field's name in its object. */
    default String name() {
        return path().substring(path().lastIndexOf('.') + 1);
    }

    /** Required fields have no default; defaultText says when they are required. */
    static String required(String when) {
        return when.isEmpty() ? "required" : "required " + when;
    }

    /** A field of one JSON value, which it checks on its own (so that a list can hold them). */
    interface Scalar<T> {
        /** The present value v, or the error "where must be allowed, got v". */
        T value(JsonNode v, String where);
    }

    /** A bound that depends on other fields: a format over their paths, e.g. "min(%s, %s)". */
    record Bound(String format, List<String> paths) {
        Bound(String format, String... paths) {
            this(format, List.of(paths));
        }

        String text(UnaryOperator<String> label) {
            return String.format(format, paths.stream().map(label).toArray());
        }
    }

    /**
     * An integer in [min, max]; a whole number written as 1e6 counts. With a {@link Bound} the
     * upper limit follows from other fields ({@link #read(Fields, long)} checks it).
     */
    record Int(String path, long min, long max, Bound maxBound, Long fallback, String defaultText, String meaning)
            implements Field, Scalar<Long> {
        Int(String path, long min, long max, long fallback, String meaning) {
            this(path, min, max, null, fallback, Numbers.text(fallback), meaning);
        }

        /** A required integer; when says when it is required. */
        static Int required(String path, long min, long max, String when, String meaning) {
            return new Int(path, min, max, null, null, Field.required(when), meaning);
        }

        /** An integer whose upper limit follows from other fields. */
        static Int bounded(String path, long min, Bound maxBound, long fallback, String meaning) {
            return new Int(path, min, Long.MAX_VALUE, maxBound, fallback, Numbers.text(fallback), meaning);
        }

        @Override
        public String allowed() {
            return range(maxBound == null ? Numbers.text(max) : maxBound.text(UnaryOperator.identity()));
        }

        private String range(String upper) {
            return "an integer in " + Numbers.text(min) + ".." + upper;
        }

        /** The value, or the default; absent without a default is an error. */
        long read(Fields f) {
            JsonNode v = f.value(this);
            return v == null ? f.absent(this, fallback) : value(v, f.label(path));
        }

        /** The value (or default) within [min, boundNow], boundNow being what maxBound comes to in this spec. */
        long read(Fields f, long boundNow) {
            JsonNode v = f.value(this);
            if (v == null) {
                return fallback;
            }
            return integer(v, f.label(path), boundNow,
                    range(Numbers.text(boundNow)) + " (at most " + maxBound.text(f::label) + ")");
        }

        @Override
        public Long value(JsonNode v, String where) {
            return integer(v, where, max, allowed());
        }

        private long integer(JsonNode v, String where, long upper, String allowed) {
            boolean whole = v.isIntegralNumber() ? v.canConvertToLong()
                    : v.isNumber() && Double.isFinite(v.asDouble()) && v.asDouble() == Math.rint(v.asDouble())
                        && Math.abs(v.asDouble()) < 9e15;
            long x = !whole ? 0 : v.isIntegralNumber() ? v.asLong() : (long) v.asDouble();
            if (!whole || x < min || x > upper) {
                throw new SpecException(where + " must be " + allowed + ", got " + Fields.describe(v));
            }
            return x;
        }
    }

    /**
     * A finite number between lo and hi, each end open or closed (+-{@link #NONE}: no bound).
     * With a {@link Bound} the lower end is another field's value ({@link #read(Fields, double)}),
     * and that value is also the default.
     */
    record Num(String path, double lo, boolean loOpen, double hi, boolean hiOpen, Bound loBound, Double fallback,
               String defaultText, String meaning) implements Field, Scalar<Double> {
        static final double NONE = Double.POSITIVE_INFINITY;

        Num(String path, double lo, boolean loOpen, double hi, boolean hiOpen, double fallback, String meaning) {
            this(path, lo, loOpen, hi, hiOpen, null, fallback, Numbers.text(fallback), meaning);
        }

        /** A required number above lo (or at least lo); when says when it is required. */
        static Num required(String path, double lo, boolean loOpen, String when, String meaning) {
            return new Num(path, lo, loOpen, NONE, true, null, null, Field.required(when), meaning);
        }

        /** An optional number above lo (or at least lo) whose default the parser derives (defaultText says how). */
        static Num derived(String path, double lo, boolean loOpen, String defaultText, String meaning) {
            return new Num(path, lo, loOpen, NONE, true, null, null, defaultText, meaning);
        }

        /** A number at least another field's value, which is also its default. */
        static Num atLeast(Bound loBound, String path, String meaning) {
            return new Num(path, -NONE, false, NONE, true, loBound, null, loBound.text(UnaryOperator.identity()),
                    meaning);
        }

        @Override
        public String allowed() {
            return allowed(loBound == null ? Numbers.text(lo) : loBound.text(UnaryOperator.identity()));
        }

        private String allowed(String low) {
            boolean hasLow = loBound != null || lo > -NONE;
            if (hasLow && hi < NONE) {
                return "a number in " + (loOpen ? "(" : "[") + low + ", " + Numbers.text(hi) + (hiOpen ? ")" : "]");
            }
            if (hasLow) {
                return "a finite number " + (loOpen ? "> " : ">= ") + low;
            }
            return hi < NONE ? "a finite number " + (hiOpen ? "< " : "<= ") + Numbers.text(hi) : "a finite number";
        }

        /** The value, or the default; absent without a default is an error. */
        double read(Fields f) {
            JsonNode v = f.value(this);
            return v == null ? f.absent(this, fallback) : value(v, f.label(path));
        }

        /** The value, or null when absent (a {@link #derived} field). */
        Double readOrNull(Fields f) {
            JsonNode v = f.value(this);
            return v == null ? null : value(v, f.label(path));
        }

        /** The value at least low (what loBound comes to in this spec), or low when absent. */
        double read(Fields f, double low) {
            JsonNode v = f.value(this);
            if (v == null) {
                return low;
            }
            return number(v, f.label(path), low, allowed(loBound.text(f::label) + " = " + Numbers.text(low)));
        }

        @Override
        public Double value(JsonNode v, String where) {
            return number(v, where, lo, allowed());
        }

        private double number(JsonNode v, String where, double low, String allowed) {
            double x = v.asDouble();
            boolean ok = v.isNumber() && Double.isFinite(x) && (loOpen ? x > low : x >= low)
                    && (hiOpen ? x < hi : x <= hi);
            if (!ok) {
                throw new SpecException(where + " must be " + allowed + ", got " + Fields.describe(v));
            }
            return x;
        }
    }

    /** One of a few names. */
    record Choice(String path, List<String> options, String fallback, String meaning) implements Field {
        @Override
        public String allowed() {
            return "one of " + String.join(", ", options);
        }

        @Override
        public String defaultText() {
            return "\"" + fallback + "\"";
        }

        String read(Fields f) {
            JsonNode v = f.value(this);
            if (v == null) {
                return fallback;
            }
            if (!v.isTextual() || !options.contains(v.asText())) {
                throw new SpecException(f.label(path) + " must be " + allowed() + ", got " + Fields.describe(v));
            }
            return v.asText();
        }
    }

    /** true or false. */
    record Flag(String path, boolean fallback, String meaning) implements Field {
        @Override
        public String allowed() {
            return "true or false";
        }

        @Override
        public String defaultText() {
            return Boolean.toString(fallback);
        }

        boolean read(Fields f) {
            JsonNode v = f.value(this);
            if (v == null) {
                return fallback;
            }
            if (!v.isBoolean()) {
                throw new SpecException(f.label(path) + " must be " + allowed() + ", got " + Fields.describe(v));
            }
            return v.asBoolean();
        }
    }

    /**
     * A string, matching pattern when there is one (allowed says it in words). Absent, it reads
     * as null: defaultText says what the parser puts in its place.
     */
    record Text(String path, String pattern, String allowed, String defaultText, String meaning) implements Field {
        String read(Fields f) {
            JsonNode v = f.value(this);
            if (v == null) {
                return null;
            }
            if (!v.isTextual()) {
                throw new SpecException(f.label(path) + " must be " + allowed + ", got " + Fields.describe(v));
            }
            return check(f, v.asText());
        }

        /** The text, if it matches the pattern. */
        String check(Fields f, String text) {
            if (pattern != null && !text.matches(pattern)) {
                throw new SpecException(f.label(path) + " must be " + allowed + ", got \"" + text + "\"");
            }
            return text;
        }
    }

    /** A non-empty list of distinct integers, each as element allows. */
    record IntList(Int element, String defaultText, String meaning) implements Field {
        @Override
        public String path() {
            return element.path();
        }

        @Override
        public String allowed() {
            return "a non-empty list of distinct integers in " + Numbers.text(element.min()) + ".."
                    + Numbers.text(element.max());
        }

        /** The list; absent is an error (the parser asks {@link Fields#has} first where it may be). */
        List<Integer> read(Fields f) {
            JsonNode v = f.value(this);
            if (v == null) {
                throw f.missing(this);
            }
            String where = f.label(path());
            if (!v.isArray() || v.isEmpty()) {
                throw new SpecException(where + " must be " + allowed() + ", got " + Fields.describe(v));
            }
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                int x = element.value(v.get(i), where + "[" + i + "]").intValue();
                if (out.contains(x)) {
                    throw new SpecException(where + " must be " + allowed() + ", but " + x + " appears twice");
                }
                out.add(x);
            }
            return out;
        }
    }

    /** A non-empty list of distinct names among the options (name -> what it is). */
    record ChoiceList(String path, String noun, Map<String, String> options, List<String> fallback, String meaning)
            implements Field {
        @Override
        public String allowed() {
            List<String> each = options.entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\" (" + e.getValue() + ")").toList();
            String last = each.get(each.size() - 1);
            String list = each.size() == 1 ? last
                    : String.join(", ", each.subList(0, each.size() - 1)) + (each.size() > 2 ? "," : "") + " and " + last;
            return "a non-empty list of distinct " + noun + " among " + list;
        }

        @Override
        public String defaultText() {
            return "[" + String.join(", ", fallback.stream().map(s -> "\"" + s + "\"").toList()) + "]";
        }

        List<String> read(Fields f) {
            JsonNode v = f.value(this);
            if (v == null) {
                return fallback;
            }
            List<String> out = new ArrayList<>();
            boolean ok = v.isArray() && !v.isEmpty();
            for (int i = 0; ok && i < v.size(); i++) {
                JsonNode item = v.get(i);
                ok = item.isTextual() && options.containsKey(item.asText()) && !out.contains(item.asText());
                out.add(item.asText());
            }
            if (!ok) {
                throw new SpecException(f.label(path) + " must be " + allowed() + ", got " + Fields.describe(v));
            }
            return out;
        }
    }

    /**
     * One value for every point of the sweep, or a list of one per point in the sweep's order,
     * each value as element allows. A single value's error states the element's rule; a list of
     * the wrong length states both forms.
     *
     * @param <E> the element's value: Long or Double
     */
    record PerPoint<E>(Scalar<E> element, String path, String elementAllowed, String when, String meaning)
            implements Field {
        static PerPoint<Long> of(Int element, String when) {
            return new PerPoint<>(element, element.path(), element.allowed(), when, element.meaning());
        }

        static PerPoint<Double> of(Num element, String when) {
            return new PerPoint<>(element, element.path(), element.allowed(), when, element.meaning());
        }

        @Override
        public String allowed() {
            return elementAllowed + ", or a list of one per point";
        }

        @Override
        public String defaultText() {
            return Field.required(when);
        }

        /** The values: one (for every point) or points of them; absent is an error. */
        List<E> read(Fields f, int points) {
            JsonNode v = f.value(this);
            if (v == null) {
                throw f.missing(this);
            }
            String where = f.label(path);
            if (!v.isArray()) {
                return List.of(element.value(v, where));
            }
            if (v.size() != points) {
                throw new SpecException(where + " must be " + elementAllowed + ", or a list of one per point ("
                        + points + "), got a list of " + v.size());
            }
            List<E> out = new ArrayList<>();
            for (int i = 0; i < points; i++) {
                out.add(element.value(v.get(i), where + "[" + i + "]"));
            }
            return out;
        }
    }
}
