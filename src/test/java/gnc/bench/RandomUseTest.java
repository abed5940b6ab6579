package gnc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gnc.kernel.Activation;
import gnc.kernel.ChiSquare;
import gnc.kernel.Factorization;
import gnc.kernel.Prior;
import gnc.kernel.ProductSampler;
import gnc.kernel.SamplerKind;
import gnc.kernel.Streams;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bench's account of a draw's random numbers, worked out from the samplers' documented draw
 * orders, against the samplers themselves: replaying it from a twin stream leaves the twin where
 * the draws left theirs. A count off by one shifts every later random number; an order changed
 * hands the numbers to other rejection steps (a Ziggurat normal takes one nextLong mostly and
 * more in its tails, a chi-square a variable number of tries), which then take other amounts of
 * them. Both were checked to make this test fail (the order: chi-squares before the normals of
 * each Bartlett factor).
 */
class RandomUseTest {

    @ParameterizedTest(name = "{0} {1} {2} {3}x{4} width {5} depth {6}")
    @CsvSource({
        "direct, gauss, linear, 5, 5, 7, 3", "direct, unif, tanh, 3, 4, 2, 4",
        "reduced, gauss, linear, 5, 5, 7, 4", "reduced, gauss, linear, 4, 3, 3, 2", "reduced, gauss, linear, 2, 1, 1, 3",
        "reduced, gauss, tanh, 5, 5, 7, 4", "reduced, gauss, leaky_relu, 3, 4, 6, 2",
    })
    void replayingConsumesTheStreamAsTheDrawsDo(String sampler, String prior, String activation, int m, int mp, int k,
                                               int d) {
        Factorization f = new Factorization(m, mp, k, d,
                Activation.of(Activation.Kind.bySpecName(activation), Activation.DEFAULT_NEGATIVE_SLOPE));
        SamplerKind kind = SamplerKind.bySpecName(sampler);
        Prior p = Prior.bySpecName(prior);
        ProductSampler draws = kind.create(f, p);
        RandomUse use = RandomUse.of(f, p, kind);
        ChiSquare[] chiSquares = use.chiSquares();
        double[] scratch = new double[use.longestRun()];
        SplittableRandom rng = Streams.stream(900L, m, mp, k, d);
        SplittableRandom twin = Streams.stream(900L, m, mp, k, d);
        double[] w = new double[m * mp];
        for (int draw = 0; draw < 20; draw++) {
            draws.sample(rng, w);
            use.replay(twin, chiSquares, scratch);
        }
        assertEquals(rng.nextLong(), twin.nextLong(), "both streams are at the same place");
    }
}
