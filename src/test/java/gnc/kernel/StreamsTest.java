package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StreamsTest {
    @Test
    void aStreamIsAPureFunctionOfKeyAndPath() {
        SplittableRandom a = Streams.stream(11L, 5, 2, 3, 7);
        SplittableRandom b = Streams.stream(11L, 5, 2, 3, 7);
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.nextLong(), b.nextLong());
        }
    }

    @Test
    void neighbouringPathsGiveUnrelatedStreams() {
        // Seed s on block b + 1 must not be seed s + 1 on block b, nor any other neighbour.
        Set<Long> firsts = new HashSet<>();
        for (int seed = 0; seed < 20; seed++) {
            for (int block = 0; block < 20; block++) {
                firsts.add(Streams.stream(11L, 5, 2, seed, block).nextLong());
            }
        }
        assertEquals(400, firsts.size());
        assertNotEquals(Streams.stream(11L, 1, 2).nextLong(), Streams.stream(11L, 2, 1).nextLong());
        assertNotEquals(Streams.stream(11L, 1).nextLong(), Streams.stream(12L, 1).nextLong());
    }

    /**
     * Reference values recorded from this implementation on 2026-11-23 (Java 17). Changing how
     * streams are derived changes every result a run produces: if this fails, the change must
     * come with a new Streams.ALGORITHM name.
     */
    @Test
    void streamDerivationIsStable() {
        assertEquals(0x626f418ce8f55631L, Streams.key("gnc"));
        assertEquals(REFERENCE_FIRST_LONG, Streams.stream(Streams.key("gnc"), 1, 2, 3).nextLong());
    }

    private static final long REFERENCE_FIRST_LONG = 0x4af6745ef501cf66L;
}
