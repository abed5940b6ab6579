package gnc.kernel;

import java.util.Arrays;
import java.util.Objects;

/**
 * One replica of {@link SubsetSimulation} at one (problem, model, eps).
 *
 * @param probability      the estimate of P(L_train &lt; eps) under the prior: p0^m N_F / N, m the
 *                         number of MCMC levels and N_F the final level's states below eps (with
 *                         ties at a level's quantile, that level's own fraction replaces p0)
 * @param cv               Au &amp; Beck's coefficient of variation of that estimate,
 *                         sqrt(sum over levels of CV_i^2) (see {@link ChainCorrelation}); it treats
 *                         the levels' estimates as uncorrelated, so it is an approximation (the
 *                         spread of independent replicas is the honest error bar); infinite when
 *                         N_F = 0
 * @param thresholds       b_1 &gt; b_2 &gt; ... &gt; b_m: the level that MCMC level i's states stay
 *                         below (b_i &gt; eps)
 * @param acceptanceRates  per MCMC level, the fraction of proposals accepted
 * @param rhos             per MCMC level, the move's rho averaged over its proposals
 * @param correlationFactors per MCMC level, Au &amp; Beck's gamma of its indicators against the next
 *                         threshold (eps at the final level): near 0 means nearly independent
 *                         states, large means slow mixing
 * @param finalCount       N_F: states of the final level below eps, each (correlated) a draw from
 *                         the G&amp;C posterior P(W | L_train &lt; eps)
 * @param genSum           sum of L_gen over those states
 * @param genSumSq         sum of L_gen^2 over those states
 * @param evaluations      the cost: loss evaluations (prior draws plus MCMC proposals),
 *                         N + m (N - Nc) without ties
 * @param levelsExhausted  true when maxLevels ran out before the p0-quantile of L_train reached
 *                         eps (then N_F &lt; Nc, possibly 0; the estimate is still valid, its error
 *                         larger)
 */
public record SubsetResult(double probability, double cv, double[] thresholds, double[] acceptanceRates,
                           double[] rhos, double[] correlationFactors, long finalCount, double genSum,
                           double genSumSq, long evaluations, boolean levelsExhausted) {

    public SubsetResult {
        thresholds = thresholds.clone();
        acceptanceRates = acceptanceRates.clone();
        rhos = rhos.clone();
        correlationFactors = correlationFactors.clone();
    }

    /** m: the number of MCMC levels below the prior level. */
    public int levels() {
        return thresholds.length;
    }

    /** The posterior mean of L_gen from the final level, NaN when no state lies below eps. */
    public double genMean() {
        return finalCount == 0 ? Double.NaN : genSum / finalCount;
    }

    /** Equal when every field is, arrays compared by content (bit for bit, as Double.equals). */
    @Override
    public boolean equals(Object o) {
        return o instanceof SubsetResult r
                && Double.compare(r.probability, probability) == 0 && Double.compare(r.cv, cv) == 0
                && Arrays.equals(r.thresholds, thresholds) && Arrays.equals(r.acceptanceRates, acceptanceRates)
                && Arrays.equals(r.rhos, rhos) && Arrays.equals(r.correlationFactors, correlationFactors)
                && r.finalCount == finalCount && Double.compare(r.genSum, genSum) == 0
                && Double.compare(r.genSumSq, genSumSq) == 0 && r.evaluations == evaluations
                && r.levelsExhausted == levelsExhausted;
    }

    @Override
    public int hashCode() {
        return Objects.hash(probability, cv, Arrays.hashCode(thresholds), Arrays.hashCode(acceptanceRates),
                Arrays.hashCode(rhos), Arrays.hashCode(correlationFactors), finalCount, genSum, genSumSq,
                evaluations, levelsExhausted);
    }

    @Override
    public String toString() {
        return "SubsetResult[probability=" + probability + ", cv=" + cv + ", thresholds="
                + Arrays.toString(thresholds) + ", acceptanceRates=" + Arrays.toString(acceptanceRates)
                + ", rhos=" + Arrays.toString(rhos) + ", correlationFactors=" + Arrays.toString(correlationFactors)
                + ", finalCount=" + finalCount + ", genSum=" + genSum + ", genSumSq=" + genSumSq
                + ", evaluations=" + evaluations + ", levelsExhausted=" + levelsExhausted + "]";
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    @Override
    public double[] acceptanceRates() {
        return acceptanceRates.clone();
    }

    @Override
    public double[] rhos() {
        return rhos.clone();
    }

    @Override
    public double[] correlationFactors() {
        return correlationFactors.clone();
    }
}
