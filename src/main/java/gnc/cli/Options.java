package gnc.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed command line: positional arguments, {@code --name value} options and {@code --flag}
 * switches, each from a known set.
 */
final class Options {
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> flagsGiven = new java.util.HashSet<>();

    Options(List<String> args, Set<String> allowed) {
        this(args, allowed, Set.of());
    }

    Options(List<String> args, Set<String> allowed, Set<String> flags) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (flags.contains(a)) {
                flagsGiven.add(a);
            } else if (a.startsWith("--")) {
                String name = a;
                String value = null;
                int eq = a.indexOf('=');
                if (eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                }
                if (!allowed.contains(name)) {
                    List<String> all = new ArrayList<>(allowed);
                    all.addAll(flags);
                    all.sort(null);
                    throw new UsageException("unknown option " + name + " (allowed: " + String.join(", ", all) + ")");
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

    boolean flag(String name) {
        return flagsGiven.contains(name);
    }

    List<String> positional() {
        return positional;
    }

    /** The given options among names, as text ("--draws 3000 --seeds 2"), in command-line order. */
    String given(List<String> names) {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> {
            if (names.contains(k)) {
                b.append(b.length() == 0 ? "" : " ").append(k).append(' ').append(v);
            }
        });
        return b.toString();
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
