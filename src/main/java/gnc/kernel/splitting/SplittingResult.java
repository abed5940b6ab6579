package gnc.kernel.splitting;

import java.util.Arrays;
import java.util.Objects;

/**
 * One replica of {@link Splitting}: its estimates at every grid eps it reached.
 *
 * @param eps              the grid, decreasing
 * @param reached          how many grid points (from the first) the replica reached; the arrays
 *                         hold NaN (kills: -1) beyond
 * @param probability      per grid eps, the unbiased estimate of P(L_train &lt; eps) under the
 *                         prior: prod over the kills at levels &gt;= eps of (1 - K / N) (0 once every
 *                         particle died at once)
 * @param genMass          per grid eps, the unbiased estimate of E[L_gen 1{L_train &lt; eps}]:
 *                         probability times the particles' mean L_gen when the level passed eps;
 *                         genMass / probability is the replica's own G&amp;C mean at eps
 * @param kills            per grid eps, the particles killed at levels &gt;= eps (ties counted
 *                         each): the count whose dispersion over replicas {@link SplittingEstimate}
 *                         tests
 * @param evaluations      the cost: loss evaluations of the pilot and of the estimating run
 * @param pilotEvaluations the pilot's share of them
 * @param rungs            the rungs (sweeps of every particle) the estimating run made
 * @param acceptance       the estimating run's fraction of accepted moves (NaN without a rung)
 * @param ladderEnd        why the pilot stopped adding rungs: REACHED (below the grid's smallest
 *                         eps), BUDGET (the evaluation budget; the grid below the last rung is
 *                         not reached) or EXTINCT (the pilot's particles all tied)
 * @param extinctionLevel  the level at which every particle of the estimating run tied and died
 *                         together (the estimates below are 0), NaN when that did not happen
 */
public record SplittingResult(double[] eps, int reached, double[] probability, double[] genMass, long[] kills,
                              long evaluations, long pilotEvaluations, int rungs, double acceptance,
                              Ladder.End ladderEnd, double extinctionLevel) {

    public SplittingResult {
        eps = eps.clone();
        probability = probability.clone();
        genMass = genMass.clone();
        kills = kills.clone();
    }

    /** The replica's own G&amp;C mean of L_gen at grid point j: NaN when not reached or P is 0. */
    public double genMean(int j) {
        return probability[j] > 0 ? genMass[j] / probability[j] : Double.NaN;
    }

    @Override
    public double[] eps() {
        return eps.clone();
    }

    @Override
    public double[] probability() {
        return probability.clone();
    }

    @Override
    public double[] genMass() {
        return genMass.clone();
    }

    @Override
    public long[] kills() {
        return kills.clone();
    }

    double probability(int j) {
        return probability[j];
    }

    double genMass(int j) {
        return genMass[j];
    }

    long kills(int j) {
        return kills[j];
    }

    /** Equal when every field is, arrays compared by content (bit for bit, as Double.equals). */
    @Override
    public boolean equals(Object o) {
        return o instanceof SplittingResult r && Arrays.equals(r.eps, eps) && r.reached == reached
                && Arrays.equals(r.probability, probability) && Arrays.equals(r.genMass, genMass)
                && Arrays.equals(r.kills, kills) && r.evaluations == evaluations
                && r.pilotEvaluations == pilotEvaluations && r.rungs == rungs
                && Double.compare(r.acceptance, acceptance) == 0 && r.ladderEnd == ladderEnd
                && Double.compare(r.extinctionLevel, extinctionLevel) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(eps), reached, Arrays.hashCode(probability), Arrays.hashCode(genMass),
                Arrays.hashCode(kills), evaluations, pilotEvaluations, rungs, acceptance, ladderEnd, extinctionLevel);
    }

    @Override
    public String toString() {
        return "SplittingResult[eps=" + Arrays.toString(eps) + ", reached=" + reached + ", probability="
                + Arrays.toString(probability) + ", genMass=" + Arrays.toString(genMass) + ", kills="
                + Arrays.toString(kills) + ", evaluations=" + evaluations + ", pilotEvaluations=" + pilotEvaluations
                + ", rungs=" + rungs + ", acceptance=" + acceptance + ", ladderEnd=" + ladderEnd
                + ", extinctionLevel=" + extinctionLevel + "]";
    }
}
