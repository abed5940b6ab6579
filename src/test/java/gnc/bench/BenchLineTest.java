package gnc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gnc.kernel.SamplerKind;
import org.junit.jupiter.api.Test;

/** A bench line, as a child JVM prints it, reads back as the same figure. */
class BenchLineTest {

    @Test
    void aLineParsesBackToItsFigure() {
        Figure f = new Figure(5, 10, "tanh", SamplerKind.DIRECT, "lanes", 1261166, 402000, 0.58, 0.81);
        assertEquals("depth=10 width=5 activation=tanh sampler=direct kernel=lanes draws_per_s=1261166"
                + " scalar_draws_per_s=402000 vs_scalar=3.14 rng_share=0.58 cpu=0.81", f.line());
        assertEquals(f, Figure.parse(f.line() + "\n"));
    }

    @Test
    void anythingElseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Figure.parse("Exception in thread main"));
        assertThrows(IllegalArgumentException.class, () -> Figure.parse("depth=2 width=x"));
    }
}
