package gnc.kernel.splitting;

import java.util.Arrays;

/**
 * The rungs of a splitting run, fixed by its pilot before the estimating run starts: at rung r
 * every particle moves at level levels[r] with correlation rhos[r] (decreasing levels).
 *
 * @param end              why the pilot stopped adding rungs
 * @param pilotEvaluations the pilot's loss evaluations
 */
public record Ladder(double[] levels, double[] rhos, End end, long pilotEvaluations) {

    /** Why the pilot stopped. */
    public enum End {
        /** Its last rung lies below the grid's smallest eps. */
        REACHED,
        /** One more rung would have passed the evaluation budget. */
        BUDGET,
        /** Every pilot particle tied at the largest L_train: no level separates them. */
        EXTINCT
    }

    public Ladder {
        levels = levels.clone();
        rhos = rhos.clone();
    }

    int size() {
        return levels.length;
    }

    double level(int r) {
        return levels[r];
    }

    double rho(int r) {
        return rhos[r];
    }

    @Override
    public double[] levels() {
        return levels.clone();
    }

    @Override
    public double[] rhos() {
        return rhos.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ladder l && Arrays.equals(l.levels, levels) && Arrays.equals(l.rhos, rhos)
                && l.end == end && l.pilotEvaluations == pilotEvaluations;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(levels) + Arrays.hashCode(rhos)) + end.hashCode();
    }

    @Override
    public String toString() {
        return "Ladder[levels=" + Arrays.toString(levels) + ", rhos=" + Arrays.toString(rhos) + ", end=" + end
                + ", pilotEvaluations=" + pilotEvaluations + "]";
    }
}
