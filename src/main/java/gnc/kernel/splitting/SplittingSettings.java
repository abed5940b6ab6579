package gnc.kernel.splitting;

import java.io.Serializable;

/**
 * How {@link Splitting} descends (see its class comment for the algorithm).
 *
 * <ul>
 *   <li>{@code particles} N: particles of the estimating run.</li>
 *   <li>{@code killFraction} f: the pilot places the rungs (the levels where every particle moves)
 *       so that about f N particles die between consecutive rungs; f N plays the part of AMS's k.</li>
 *   <li>{@code movesPerRung} m: MCMC moves per particle at every rung.</li>
 *   <li>{@code pilotParticles}: particles of the pilot run that places the rungs and tunes the moves.</li>
 *   <li>{@code targetAcceptance}: the acceptance rate the pilot tunes the moves toward, in (0, 1).</li>
 *   <li>{@code initialRho}: the pilot's first move correlation rho, in [0, 1) (see
 *       {@link gnc.kernel.PriorMove}).</li>
 *   <li>{@code maxEvaluations}: loss evaluations per replica at most, pilot included; the rungs
 *       that would pass it are not run, and the grid below the last rung run is not reached.</li>
 * </ul>
 */
public record SplittingSettings(int particles, double killFraction, int movesPerRung, int pilotParticles,
                                double targetAcceptance, double initialRho, long maxEvaluations)
        implements Serializable {

    public SplittingSettings {
        if (particles < 2) {
            throw new IllegalArgumentException("particles must be >= 2, got " + particles);
        }
        if (!(killFraction > 0 && killFraction < 1)) {
            throw new IllegalArgumentException("kill_fraction must be in (0, 1), got " + killFraction);
        }
        if (movesPerRung < 1) {
            throw new IllegalArgumentException("moves_per_rung must be >= 1, got " + movesPerRung);
        }
        if (pilotParticles < 2 || pilotKills(pilotParticles, killFraction) >= pilotParticles) {
            throw new IllegalArgumentException("pilot_particles must be >= 2 and leave survivors at kill_fraction "
                    + killFraction + ", got " + pilotParticles);
        }
        if (!(targetAcceptance > 0 && targetAcceptance < 1)) {
            throw new IllegalArgumentException("target_acceptance must be in (0, 1), got " + targetAcceptance);
        }
        if (!(initialRho >= 0 && initialRho < 1)) {
            throw new IllegalArgumentException("initial_rho must be in [0, 1), got " + initialRho);
        }
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("max_evaluations must be >= 1, got " + maxEvaluations);
        }
    }

    /** The pilot's kills per rung: f times its particles, rounded, at least 1. */
    static int pilotKills(int pilotParticles, double killFraction) {
        return (int) Math.max(1, Math.round(killFraction * pilotParticles));
    }

    int pilotKills() {
        return pilotKills(pilotParticles, killFraction);
    }
}
