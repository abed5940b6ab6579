package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForwardPassTest {
    @ParameterizedTest
    @CsvSource({"linear, 5, 2", "tanh, 4, 3", "leaky_relu, 7, 5", "tanh, 1, 2", "leaky_relu, 3, 4"})
    void priorDrawThroughForwardPassEqualsThePriorSamplersDraw(String kind, int k, int d) {
        Factorization f = new Factorization(5, 4, k, d, Activation.of(Activation.Kind.bySpecName(kind), 0.2));
        ForwardPass pass = new ForwardPass(f);
        assertEquals(f.parameterCount(), pass.parameterCount());
        double[] weights = new double[pass.parameterCount()];
        double[] viaWeights = new double[20];
        double[] direct = new double[20];
        SplittableRandom a = Streams.stream(8L, k, d);
        SplittableRandom b = Streams.stream(8L, k, d);
        PriorSampler sampler = new PriorSampler(f, Prior.GAUSS);
        for (int draw = 0; draw < 3; draw++) {
            pass.drawPrior(Prior.GAUSS, a, weights);
            pass.compute(weights, viaWeights);
            sampler.sample(b, direct);
            assertArrayEquals(direct, viaWeights, 0.0);
        }
    }

    @ParameterizedTest
    @CsvSource({"tanh, 3, 3", "leaky_relu, 2, 4"})
    void keepsEachHiddenLayersPreActivationAndOutput(String kind, int k, int d) {
        Activation act = Activation.of(Activation.Kind.bySpecName(kind), 0.2);
        Factorization f = new Factorization(2, 2, k, d, act);
        ForwardPass pass = new ForwardPass(f);
        double[] weights = new double[pass.parameterCount()];
        pass.drawPrior(Prior.GAUSS, Streams.stream(9L), weights);
        double[] w = new double[4];
        pass.compute(weights, w);
        double[][] layers = new double[d][];
        for (int j = 1; j <= d; j++) {
            layers[j - 1] = Arrays.copyOfRange(weights, pass.offset(j), pass.offset(j + 1));
        }
        assertArrayEquals(f.product(layers), w, 0.0);
        assertArrayEquals(layers[0], pass.preActivation(1), 0.0);
        for (int j = 1; j < d; j++) {
            for (int i = 0; i < k * 2; i++) {
                assertEquals(act.apply(pass.preActivation(j)[i]), pass.activation(j)[i], 0.0);
            }
        }
    }
}
