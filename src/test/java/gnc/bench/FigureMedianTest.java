package gnc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gnc.kernel.SamplerKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cell's median figure over its forks: medians of the rates and rng_share, the least cpu. */
class FigureMedianTest {

    private static Figure fork(double draws, double scalar, double rngShare, double cpu) {
        return new Figure(5, 10, "tanh", SamplerKind.DIRECT, "lanes", draws, scalar, rngShare, cpu);
    }

    @Test
    void anOddCountTakesTheMiddleFigureOfEachAndTheLeastCpu() {
        Figure m = Figure.median(List.of(fork(300, 40, 0.5, 0.97), fork(100, 60, 0.25, 0.75), fork(200, 50, 0.75, 1.0)));
        assertEquals(new Figure(5, 10, "tanh", SamplerKind.DIRECT, "lanes", 200, 50, 0.5, 0.75), m);
    }

    @Test
    void anEvenCountTakesTheMeanOfTheMiddleTwo() {
        Figure m = Figure.median(List.of(fork(400, 10, 0.25, 0.5), fork(100, 40, 0.75, 1.0),
                fork(300, 20, 1.0, 0.875), fork(200, 30, 0.5, 1.0)));
        assertEquals(new Figure(5, 10, "tanh", SamplerKind.DIRECT, "lanes", 250, 25, 0.625, 0.5), m);
        assertEquals(10.0, m.vsScalar());
    }

    @Test
    void oneFigureIsItsOwnMedian() {
        Figure f = fork(123, 45, 0.5, 0.875);
        assertEquals(f, Figure.median(List.of(f)));
    }

    @Test
    void noFiguresOrFiguresOfDifferentCellsAreRefused() {
        Figure f = fork(100, 50, 0.5, 1.0);
        assertThrows(IllegalArgumentException.class, () -> Figure.median(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Figure.median(List.of(f,
                new Figure(160, 10, "tanh", SamplerKind.DIRECT, "lanes", 100, 50, 0.5, 1.0))));
        assertThrows(IllegalArgumentException.class, () -> Figure.median(List.of(f,
                new Figure(5, 10, "tanh", SamplerKind.REDUCED, "lanes", 100, 50, 0.5, 1.0))));
        assertThrows(IllegalArgumentException.class, () -> Figure.median(List.of(f,
                new Figure(5, 10, "linear", SamplerKind.DIRECT, "lanes", 100, 50, 0.5, 1.0))));
    }
}
