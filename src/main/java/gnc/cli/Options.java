package gnc.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A parsed command line: positional arguments and {@code --name value} options from a known set. */
final class Options {
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    Options(List<String> args, Set<String> allowed) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                String name = a;
                String value = null;
                int eq = a.indexOf('=');
                if (eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                }
                if (!allowed.contains(name)) {
                    throw new UsageException("unknown option " + name + " (allowed: " + String.join(", ", allowed) + ")");
                }
                if (value == null) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new UsageException("option " + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (values.put(name, value) != null) {
                    throw new UsageException("option " + name + " is given twice");
                }
            } else {
                positional.add(a);
            }
        }
    }

    List<String> positional() {
        return positional;
    }

    String string(String name) {
        return values.get(name);
    }

    /** The option as an integer in [min, max], or null when it is not given. */
    Long integer(String name, long min, long max) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        String allowed = name + " must be an integer in " + min + ".." + max + ", got \"" + v + "\"";
        long x;
        try {
            x = Long.parseLong(v);
        } catch (NumberFormatException e) {
            double d = parseDouble(v);
            if (d != Math.rint(d) || Math.abs(d) > 9e15) {
                throw new UsageException(allowed);
            }
            x = (long) d; // a whole number written like 1e6
        }
        if (x < min || x > max) {
            throw new UsageException(allowed);
        }
        return x;
    }

    private static double parseDouble(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
