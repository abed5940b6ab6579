package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * L_train and L_gen on a 2 x 2 case small enough to do by hand:
 * A_1 = e11, A_2 = (e12 + e21)/sqrt2; test basis B_1 = (e12 - e21)/sqrt2, B_2 = e22;
 * W* = e11, so y = (1, 0) and <B, W*> = (0, 0). For W = [[2, 1], [0, 3]]:
 * <A, W> = (2, 1/sqrt2), residuals (1, 1/sqrt2): L_train = (1 + 1/2) / 2 = 0.75;
 * <B, W> = (1/sqrt2, 3), residuals the same: L_gen = (1/2 + 9) / 2 = 4.75.
 */
class LossesTest {
    private static final double R = Math.sqrt(0.5);
    private static final double[] TRUTH = {1, 0, 0, 0};
    private static final double[] A = {1, 0, 0, 0, 0, R, R, 0};
    private static final double[] B = {0, R, -R, 0, 0, 0, 0, 1};
    private static final double[] W = {2, 1, 0, 3};

    @Test
    void definitionsGiveTheHandComputedLosses() {
        ProblemInstance p = new ProblemInstance(2, 2, TRUTH, A, B);
        assertEquals(0.75, p.trainLoss(W), 1e-15);
        assertEquals(4.75, p.genLoss(W), 1e-15);
        assertEquals(0.0, p.trainLoss(TRUTH), 0.0);
        assertEquals(0.0, p.genLoss(TRUTH), 0.0);
    }

    @Test
    void fastEvaluatorAgreesWithTheHandComputation() {
        LossEvaluator e = new LossEvaluator(new ProblemInstance(2, 2, TRUTH, A, B));
        e.evaluate(W, 1.0, Double.POSITIVE_INFINITY);
        assertEquals(0.75, e.train(), 1e-15);
        assertEquals(4.75, e.gen(), 1e-15);
        // Scaling: at scale 0.5, W/2 = [[1, .5], [0, 1.5]]: residuals (0, .5/sqrt2) and (.5/sqrt2, 1.5).
        e.evaluate(W, 0.5, Double.POSITIVE_INFINITY);
        assertEquals(0.125 / 2, e.train(), 1e-15);
        assertEquals((0.125 + 2.25) / 2, e.gen(), 1e-15);
    }

    @Test
    void theGeneratedBasisGivesTheSameGeneralizationLoss() {
        // L_gen does not depend on which orthonormal basis of the complement is used.
        double[] basis = ProblemGenerator.orthogonalComplement(A, 2, 4);
        ProblemInstance p = new ProblemInstance(2, 2, TRUTH, A, basis);
        assertEquals(4.75, p.genLoss(W), 1e-14);
    }

    @Test
    void earlyRejectionStopsAboveTheCutoffAndIsExactBelowIt() {
        LossEvaluator e = new LossEvaluator(new ProblemInstance(2, 2, TRUTH, A, B));
        e.evaluate(W, 1.0, 0.1);
        assertEquals(4.75, e.gen(), 1e-15, "L_gen is always exact");
        assertEquals(true, e.train() >= 0.1, "above the cutoff only a value >= cutoff is promised");
        e.evaluate(W, 1.0, 0.76);
        assertEquals(0.75, e.train(), 1e-15, "below the cutoff L_train is exact");
    }
}
