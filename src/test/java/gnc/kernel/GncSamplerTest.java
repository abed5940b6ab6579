package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A block of G&C in the scalar kernel (one draw at a time; LaneGncTest does the same for lanes)
 * against brute force: every draw replayed, its W built by the reference forward pass, its losses
 * taken from the definitions, and the block's statistics added up by hand.
 * eps is set high enough that a few percent of draws are accepted.
 */
class GncSamplerTest {

    @ParameterizedTest
    @CsvSource({
        "linear, 5, 2, false, gauss, false, 0.12",
        "linear, 3, 3, true, gauss, false, 0.05",
        "tanh, 4, 2, false, unif, false, 0.12",
        "leaky_relu, 5, 3, false, gauss, false, 0.12",
        "linear, 5, 2, false, gauss, true, 0.12",
    })
    void blockStatisticsMatchBruteForce(String kind, int k, int d, boolean normalize, String priorName,
                                        boolean completion, double eps) {
        ProblemSettings settings = new ProblemSettings(5, 5, 1, 1.0, 15, completion);
        ProblemInstance problem = ProblemGenerator.generate(settings, Streams.stream(1L, k));
        Factorization f = new Factorization(5, 5, k, d, Activation.of(Activation.Kind.bySpecName(kind), 0.2));
        Prior prior = Prior.bySpecName(priorName);
        GncSettings gnc = new GncSettings(prior, normalize, GncSettings.DEFAULT_SOFTENING, SamplerKind.DIRECT);
        int draws = 20_000;

        BlockStats fast = new BlockStats();
        GncSampler.scalar(problem, f, gnc).run(Streams.stream(2L, k, d), draws, eps, fast);

        SplittableRandom twin = Streams.stream(2L, k, d);
        long accepted = 0;
        double genSum = 0;
        double genSumSq = 0;
        double accSum = 0;
        double accSumSq = 0;
        double trainMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < draws; i++) {
            double[] w = f.product(PriorSamplerTest.replayWeights(f, prior, twin));
            if (normalize) {
                double norm = Math.sqrt(java.util.Arrays.stream(w).map(x -> x * x).sum());
                for (int j = 0; j < w.length; j++) {
                    w[j] /= norm + GncSettings.DEFAULT_SOFTENING;
                }
            }
            double train = problem.trainLoss(w);
            double gen = problem.genLoss(w);
            genSum += gen;
            genSumSq += gen * gen;
            trainMin = Math.min(trainMin, train);
            if (train < eps) {
                accepted++;
                accSum += gen;
                accSumSq += gen * gen;
            }
        }
        assertEquals(draws, fast.draws());
        assertEquals(accepted, fast.accepted());
        assertEquals(true, accepted > 10, "the case exercises acceptance (" + accepted + " accepted)");
        assertEquals(genSum, fast.genSum(), 1e-10 * genSum);
        assertEquals(genSumSq, fast.genSumSq(), 1e-10 * genSumSq);
        assertEquals(accSum, fast.acceptedGenSum(), 1e-10 * accSum);
        assertEquals(accSumSq, fast.acceptedGenSumSq(), 1e-10 * accSumSq);
        assertEquals(trainMin, fast.trainMin(), 1e-12 * trainMin);
    }
}
