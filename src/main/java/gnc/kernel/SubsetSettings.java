package gnc.kernel;

import java.io.Serializable;

/**
 * How {@link SubsetSimulation} climbs down to eps (Au &amp; Beck 2001; Papaioannou et al. 2015).
 *
 * <ul>
 *   <li>{@code samplesPerLevel} N: samples at every level.</li>
 *   <li>{@code levelProbability} p0: the fraction of a level's samples that seed the next one;
 *       N p0 (the number of seeds, hence of Markov chains, each of about 1 / p0 states) must be a
 *       whole number.</li>
 *   <li>{@code movesPerState}: MCMC moves from one recorded state of a chain to the next
 *       (thinning): more moves decorrelate the states at proportional cost.</li>
 *   <li>{@code maxLevels}: MCMC levels at most after the prior level; the last allowed level is
 *       the final one even when its p0-quantile of L_train is still above eps (then fewer than
 *       N p0 of its samples lie below eps, possibly none).</li>
 *   <li>{@code initialRho}: the MCMC move's correlation rho at the first level, in [0, 1)
 *       (see {@link PriorMove}); it is adapted from there.</li>
 *   <li>{@code targetAcceptance}: the acceptance rate the adaptation steers toward, in (0, 1).</li>
 * </ul>
 */
public record SubsetSettings(int samplesPerLevel, double levelProbability, int movesPerState, int maxLevels,
                             double initialRho,
                             double targetAcceptance) implements Serializable {

    /**
     * N = 2000, p0 = 0.1 (Au &amp; Beck's choice), 5 moves per recorded state, at most 40 MCMC
     * levels (P down to ~1e-40), initial rho 0.8, target acceptance 0.44 (Papaioannou et al.
     * 2015). Five moves: on the paper's depth-10 normalized setting one move per state left
     * replicas heavy-tailed (their P spread 1.5x the mean); five cost 4.4x as much and cut the
     * spread to 0.4x, 3x less variance per unit of cost; at depth 2 the two are equally efficient.
     */
    public static final SubsetSettings DEFAULTS = new SubsetSettings(2000, 0.1, 5, 40, 0.8, 0.44);

    public SubsetSettings {
        if (samplesPerLevel < 2) {
            throw new IllegalArgumentException("samplesPerLevel must be >= 2, got " + samplesPerLevel);
        }
        if (!(levelProbability > 0 && levelProbability < 1)) {
            throw new IllegalArgumentException("levelProbability must be in (0, 1), got " + levelProbability);
        }
        double chains = samplesPerLevel * levelProbability;
        long whole = Math.round(chains);
        if (Math.abs(chains - whole) > 1e-9 * chains || whole < 1) {
            throw new IllegalArgumentException("samplesPerLevel * levelProbability must be a whole number >= 1 of seeds, got "
                    + samplesPerLevel + " * " + levelProbability);
        }
        if (movesPerState < 1) {
            throw new IllegalArgumentException("movesPerState must be >= 1, got " + movesPerState);
        }
        if (maxLevels < 1) {
            throw new IllegalArgumentException("maxLevels must be >= 1, got " + maxLevels);
        }
        if (!(initialRho >= 0 && initialRho < 1)) {
            throw new IllegalArgumentException("initialRho must be in [0, 1), got " + initialRho);
        }
        if (!(targetAcceptance > 0 && targetAcceptance < 1)) {
            throw new IllegalArgumentException("targetAcceptance must be in (0, 1), got " + targetAcceptance);
        }
    }

    /** Nc = N p0: the number of seeds, hence of Markov chains, at an MCMC level (more on ties). */
    public int chains() {
        return (int) Math.round(samplesPerLevel * levelProbability);
    }
}
