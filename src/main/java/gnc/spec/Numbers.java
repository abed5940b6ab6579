package gnc.spec;

/**
 * Numbers as the spec's messages and README write limits and defaults: as short as JSON allows
 * and exact (1e6, not 1000000; 1, not 1.0; 1e-6, not 1.0E-6). JSON reads every one back as the
 * same value.
 */
final class Numbers {
    private Numbers() {
    }

    /** Plain below a million; from there d e k when the number is a single digit d times 10^k. */
    static String text(long x) {
        String plain = Long.toString(x);
        String digits = plain.replaceFirst("^-", "");
        String zeros = digits.substring(1);
        if (digits.length() > 6 && zeros.chars().allMatch(c -> c == '0')) {
            return (x < 0 ? "-" : "") + digits.charAt(0) + "e" + zeros.length();
        }
        return plain;
    }

    /** A whole number as {@link #text(long)}, anything else in Java's shortest form, e lower-case. */
    static String text(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e18) {
            return text((long) x);
        }
        return Double.toString(x).replace(".0E", "E").replace("E", "e");
    }
}
