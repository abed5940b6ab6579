package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GramForwardTest {
    /** A state drawn from a stream maps to GramSampler's W from the same stream, bit for bit. */
    @ParameterizedTest(name = "{0} rows {1} cols {2} width {3} depth {4}")
    @CsvSource({
        "linear, 5, 5, 5, 2",
        "linear, 5, 5, 8, 10",
        "tanh, 5, 5, 5, 3",
        "tanh, 3, 4, 6, 5",
        "leaky_relu, 4, 3, 7, 4",
    })
    void aDrawnStateGivesGramSamplersProduct(String kind, int rows, int cols, int width, int depth) {
        Factorization f = new Factorization(rows, cols, width, depth, Activation.of(Activation.Kind.bySpecName(kind), 0.2));
        GramForward forward = new GramForward(f);
        assertEquals((depth - 1) * width * cols + rows * cols, forward.stateSize());
        assertEquals(forward.stateSize(), GramForward.stateSize(f));
        GramSampler sampler = new GramSampler(f);
        double[] state = new double[3 + forward.stateSize()];
        double[] w = new double[rows * cols];
        double[] expected = new double[rows * cols];
        for (int t = 0; t < 5; t++) {
            forward.drawPrior(Streams.stream(31L, t), state, 3);
            forward.compute(state, 3, w);
            sampler.sample(Streams.stream(31L, t), expected);
            assertArrayEquals(expected, w);
        }
    }

    /**
     * The pCN move keeps every entry's law N(0, s^2) (s = 1/sqrt(k) but 1/sqrt(m) for the last
     * block): after 400 moves at rho = 0.6 from 0, the 200 chains' entries have the prior's
     * variances; rho = 0 is a fresh draw. Each variance estimate pools 200 chains x its block's
     * entries (at least 5000 values: relative sd <= 2%), checked within 10% (5 sd; false failure
     * below 1e-6 per block).
     */
    @Test
    void pcnMovesKeepThePriorsScales() {
        Factorization f = new Factorization(5, 5, 10, 3, Activation.tanh());
        GramForward forward = new GramForward(f);
        int size = forward.stateSize();
        int hidden = 2 * 10 * 5;
        SplittableRandom rng = Streams.stream(32L);
        double[] state = new double[size];
        double[] next = new double[size];
        double sumHidden = 0;
        double sumLast = 0;
        for (int c = 0; c < 200; c++) {
            java.util.Arrays.fill(state, 0.0);
            for (int t = 0; t < 400; t++) {
                forward.propose(state, 0, next, 0.6, rng);
                System.arraycopy(next, 0, state, 0, size);
            }
            for (int i = 0; i < size; i++) {
                if (i < hidden) {
                    sumHidden += state[i] * state[i];
                } else {
                    sumLast += state[i] * state[i];
                }
            }
        }
        assertEquals(1.0 / 10, sumHidden / (200.0 * hidden), 0.1 / 10);
        assertEquals(1.0 / 5, sumLast / (200.0 * (size - hidden)), 0.1 / 5);

        double[] fresh = new double[size];
        forward.drawPrior(Streams.stream(33L), fresh, 0);
        forward.propose(state, 0, next, 0.0, Streams.stream(33L));
        assertArrayEquals(fresh, next);
        assertEquals("rho must be in [0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> forward.propose(state, 0, next, 1.0, rng)).getMessage());
    }

    @Test
    void narrowModelsAreRefused() {
        assertEquals("the reduced parameters are not exact here: it needs width >= cols (5), got width 4",
                assertThrows(IllegalArgumentException.class,
                        () -> new GramForward(new Factorization(5, 5, 4, 3, Activation.linear()))).getMessage());
    }
}
