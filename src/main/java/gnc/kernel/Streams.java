package gnc.kernel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

/**
 * Deterministic random streams. A stream is a pure function of a 64-bit key and a path of
 * integers (seed, point, block, ...), never of partition, thread, executor or clock.
 *
 * <p>The path is folded in with a strong 64-bit mixer, one step per component, so neighbouring
 * paths are unrelated (seed s, block b + 1 and seed s + 1, block b give unrelated streams).
 * The generator is SplittableRandom, split once: the split child has its own pseudo-random
 * increment ("gamma"), so streams of different paths are different Weyl sequences rather than
 * shifted windows of one, and cannot overlap as same-gamma streams with nearby seeds could.
 */
public final class Streams {
    /**
     * Written into run manifests: changing how streams are derived or used must change this name
     * (v2: direct Gaussian G&C draws in lanes, {@link Lanes#KERNEL}, each lane on a Weyl stream
     * seeded from the block's stream; v3: reduced Gaussian tanh and leaky ReLU G&C too,
     * {@link Lanes#GRAM_KERNEL}; v4: the lanes on xoroshiro128+ streams, shorter polynomials; v5:
     * reduced Gaussian linear G&C in lanes too, {@link Lanes#WISHART_KERNEL}, and auto reduced for
     * linear factorizations from width 2 m' rather than 3 m'). The
     * kernel names version the lanes' arithmetic on the same streams (v3 of both: tanh's shorter
     * expm1 polynomial), and change this name with them.
     */
    public static final String ALGORITHM = "SplittableRandom(split of mix64-path seed), stream v5, G&C "
            + Lanes.KERNEL + ", " + Lanes.GRAM_KERNEL + " and " + Lanes.WISHART_KERNEL;

    private Streams() {
    }

    /** A 64-bit key from a canonical text: the first 8 bytes of its SHA-256. */
    public static long key(String canonicalText) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonicalText.getBytes(StandardCharsets.UTF_8));
            long k = 0;
            for (int i = 0; i < 8; i++) {
                k = (k << 8) | (d[i] & 0xFF);
            }
            return k;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The stream at key / path[0] / path[1] / ... */
    public static SplittableRandom stream(long key, long... path) {
        long h = mix64(key);
        for (long p : path) {
            h = mix64(h * 0x9E3779B97F4A7C15L + mix64(p ^ 0xD1B54A32D192ED03L));
        }
        return new SplittableRandom(h).split();
    }

    /** Stafford's variant 13 of the MurmurHash3 finalizer: a bijective 64-bit mixer. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
