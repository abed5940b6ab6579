package gnc.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * L_train and L_gen on a 2 x 2 case small enough to do by hand:
 * A_1 = e11, A_2 = (e12 + e21)/sqrt2; test basis B_1 = (e12 - e21)/sqrt2, B_2 = e22;
 * W* = e11, so y = (1, 0) and <B, W*> = (0, 0). For W = [[2, 1], [0, 3]]:
 * <A, W> = (2, 1/sqrt2), residuals (1, 1/sqrt2): L_train = (1 + 1/2) / 2 = 0.75;
 * <B, W> = (1/sqrt2, 3), residuals the same: L_gen = (1/2 + 9) / 2 = 4.75. Early rejection needs
 * more measurements than a pass of the evaluator takes (four): a 2 x 5 case of its own.
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

    /**
     * Early rejection on a case with two blocks of four measurements and one more (the evaluator
     * sums four rows per pass and checks the cutoff after each pass): 2 x 5 targets, A_i = e_i
     * (i = 0 .. 8) one-hot, B = e_9, W* = 0, W = (1, 1, 1, 1, 2, 2, 2, 2, 3, 5). The squared
     * residuals are W's entries squared: 4 over the first block, 16 over the second, 9 for the
     * ninth row, so L_train = 29/9 and L_gen = 25, every step exact. With cutoff c the sum stops
     * after the first pass whose partial sum reaches 9c, and train() is that partial sum over 9.
     */
    @Test
    void earlyRejectionStopsAtTheFirstBlockThatReachesTheCutoffAndIsExactBelowIt() {
        double[] truth = new double[10];
        double[] a = new double[9 * 10];
        for (int i = 0; i < 9; i++) {
            a[i * 10 + i] = 1;
        }
        double[] b = new double[10];
        b[9] = 1;
        double[] w = {1, 1, 1, 1, 2, 2, 2, 2, 3, 5};
        LossEvaluator e = new LossEvaluator(new ProblemInstance(2, 5, truth, a, b));

        e.evaluate(w, 1.0, Double.POSITIVE_INFINITY);
        assertEquals(29.0 / 9, e.train(), 0.0, "no cutoff: exact");
        assertEquals(25.0, e.gen(), 0.0);
        e.evaluate(w, 1.0, 3.3);
        assertEquals(29.0 / 9, e.train(), 0.0, "below the cutoff (29.7 > 29): exact");
        e.evaluate(w, 1.0, 1.0);
        assertEquals(20.0 / 9, e.train(), 0.0, "9 c = 9: stops after the second block (4 < 9 <= 20)");
        assertEquals(25.0, e.gen(), 0.0, "L_gen is always exact");
        e.evaluate(w, 1.0, 0.25);
        assertEquals(4.0 / 9, e.train(), 0.0, "9 c = 2.25: stops after the first block (2.25 <= 4)");
        assertTrue(e.train() >= 0.25, "above the cutoff a value >= cutoff is promised");
    }
}
