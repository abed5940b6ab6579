package gnc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gnc.kernel.SamplerKind;
import org.junit.jupiter.api.Test;

/** A bench line, as a child JVM prints it, reads back as the same figure. */
class BenchLineTest {

    @Test
    void aLineParsesBackToItsFigure() {
        Figure f = new Figure(160, 2, "leaky_relu", SamplerKind.REDUCED, 261166, 0.58, 0.81);
        assertEquals("depth=2 width=160 activation=leaky_relu sampler=reduced draws_per_s=261166 rng_share=0.58 cpu=0.81",
                f.line());
        assertEquals(f, Figure.parse(f.line() + "\n"));
    }

    @Test
    void anythingElseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Figure.parse("Exception in thread main"));
        assertThrows(IllegalArgumentException.class, () -> Figure.parse("depth=2 width=x"));
    }
}
