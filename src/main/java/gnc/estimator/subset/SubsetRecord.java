package gnc.estimator.subset;

import gnc.estimator.UnitRecord;
import gnc.kernel.SubsetResult;

/**
 * One subset-simulation replica ({@link SubsetResult}): its estimate of P(L_train < eps), Au &
 * Beck's coefficient of variation (null when no final state lies below eps), the levels it
 * climbed down (thresholds, acceptance rates, mean rho and chain-correlation factor per level),
 * its final states below eps with the sum and sum of squares of their L_gen, and its cost in loss
 * evaluations.
 */
public record SubsetRecord(double eps, double probability, Double cv, int levels, boolean levelsExhausted,
                           long finalCount, double genSum, double genSumsq, long evaluations, double[] thresholds,
                           double[] acceptanceRates, double[] rhos, double[] correlationFactors) implements UnitRecord {

    static SubsetRecord of(double eps, SubsetResult r) {
        return new SubsetRecord(eps, r.probability(), Double.isFinite(r.cv()) ? r.cv() : null, r.levels(),
                r.levelsExhausted(), r.finalCount(), r.genSum(), r.genSumSq(), r.evaluations(), r.thresholds(),
                r.acceptanceRates(), r.rhos(), r.correlationFactors());
    }
}
