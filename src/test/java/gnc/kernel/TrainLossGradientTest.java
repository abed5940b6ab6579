package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainLossGradientTest {
    private static final double H = 1e-5;

    /**
     * Backprop against central finite differences (f(x + h) - f(x - h)) / 2h of the reference
     * loss (Factorization.product, then ProblemInstance.trainLoss), on a 3 x 4 target at width 5
     * so that a transposed index cannot hide. Error of the difference quotient: truncation
     * h^2 |f'''| / 6 ~ 2e-11 |f'''| plus rounding ~ 1e-16 |f| / h ~ 1e-11 (f is O(1) here);
     * measured, every entry agrees to better than 1e-10. The tolerance 1e-8 (1 + |g|) leaves a
     * factor 100 for larger third derivatives and is far below any real error (a wrong term
     * changes a gradient entry by O(|g|), and max |g| > 0.01 is asserted).
     * Leaky ReLU has a kink at 0: the test asserts that no pre-activation lies within 10 h of
     * it (a step of h moves a pre-activation by h times an O(1) activation), where the difference
     * quotient would be meaningless.
     */
    @ParameterizedTest
    @CsvSource({"linear, 2", "linear, 4", "tanh, 2", "tanh, 4", "leaky_relu, 2", "leaky_relu, 4"})
    void gradientMatchesCentralFiniteDifferences(String kind, int depth) {
        ProblemInstance problem = ProblemGenerator.generate(new ProblemSettings(3, 4, 1, 1.0, 5, false),
                Streams.stream(21L, depth));
        Factorization model = new Factorization(3, 4, 5, depth,
                Activation.of(Activation.Kind.bySpecName(kind), 0.2));
        TrainLossGradient backprop = new TrainLossGradient(problem, model);
        ForwardPass pass = backprop.forwardPass();
        double[] weights = new double[backprop.parameterCount()];
        pass.drawPrior(Prior.GAUSS, Streams.stream(23L, depth), weights);
        double[] gradient = new double[weights.length];
        double loss = backprop.evaluate(weights, gradient);

        assertEquals(referenceLoss(problem, model, pass, weights), loss, 1e-14 * Math.max(1, loss));
        for (int j = 1; j < depth; j++) {
            for (double p : pass.preActivation(j)) {
                assertTrue(model.activation().kind() != Activation.Kind.LEAKY_RELU || Math.abs(p) > 10 * H,
                        "pre-activation " + p + " too close to the kink for a finite difference");
            }
        }
        double largest = 0;
        for (int i = 0; i < weights.length; i++) {
            double[] plus = weights.clone();
            double[] minus = weights.clone();
            plus[i] += H;
            minus[i] -= H;
            double numeric = (referenceLoss(problem, model, pass, plus) - referenceLoss(problem, model, pass, minus))
                    / (2 * H);
            assertEquals(numeric, gradient[i], 1e-8 * (1 + Math.abs(numeric)), "weight " + i);
            largest = Math.max(largest, Math.abs(gradient[i]));
        }
        assertTrue(largest > 0.01, "the gradient is too small to test anything: " + largest);
    }

    private static double referenceLoss(ProblemInstance problem, Factorization model, ForwardPass pass,
                                        double[] weights) {
        double[][] layers = new double[model.depth()][];
        for (int j = 1; j <= model.depth(); j++) {
            layers[j - 1] = Arrays.copyOfRange(weights, pass.offset(j), pass.offset(j + 1));
        }
        return problem.trainLoss(model.product(layers));
    }
}
