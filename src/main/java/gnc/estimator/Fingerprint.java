package gnc.estimator;

import gnc.kernel.Streams;

/** Unit fingerprints: the first 12 hex digits of the 64-bit key of a canonical text. */
public final class Fingerprint {
    private Fingerprint() {
    }

    /** 12 hex digits identifying canonicalText (48 bits of its SHA-256). */
    public static String of(String canonicalText) {
        return String.format("%016x", Streams.key(canonicalText)).substring(0, 12);
    }
}
