package gnc.estimator.splitting;

import gnc.estimator.UnitRecord;
import gnc.kernel.splitting.Ladder;
import gnc.kernel.splitting.SplittingResult;
import java.util.Arrays;

/**
 * One splitting replica ({@link SplittingResult}) at the grid points it reached (the first
 * {@code reached} of the trial's grid, whose values {@code eps} lists): the unbiased estimates
 * {@code probability} of P(L_train &lt; eps) and {@code genMass} of E[L_gen 1{L_train &lt; eps}],
 * the particles killed at levels &gt;= eps ({@code kills}, whole numbers held as doubles), the cost
 * in loss evaluations (the pilot's share apart), the rungs run, the moves' acceptance rate (null
 * without a rung), why the pilot's ladder ended, and the level at which every particle tied
 * (null when none did).
 */
public record SplittingRecord(int gridPoints, int reached, double[] eps, double[] probability, double[] genMass,
                              double[] kills, long evaluations, long pilotEvaluations, int rungs, Double acceptance,
                              String ladderEnd, Double extinctionLevel) implements UnitRecord {

    static SplittingRecord of(SplittingResult r) {
        int n = r.reached();
        double[] kills = new double[n];
        long[] k = r.kills();
        for (int j = 0; j < n; j++) {
            kills[j] = k[j];
        }
        return new SplittingRecord(r.eps().length, n, Arrays.copyOf(r.eps(), n), Arrays.copyOf(r.probability(), n),
                Arrays.copyOf(r.genMass(), n), kills, r.evaluations(), r.pilotEvaluations(), r.rungs(),
                Double.isNaN(r.acceptance()) ? null : r.acceptance(), r.ladderEnd().name(),
                Double.isNaN(r.extinctionLevel()) ? null : r.extinctionLevel());
    }

    /** The kernel's result back, the points not reached padded as the kernel pads them (NaN, kills -1). */
    static SplittingResult result(double[] grid, int reached, double[] probability, double[] genMass, double[] kills,
                                  long evaluations, long pilotEvaluations, int rungs, Double acceptance,
                                  String ladderEnd, Double extinctionLevel) {
        double[] p = new double[grid.length];
        double[] g = new double[grid.length];
        long[] k = new long[grid.length];
        Arrays.fill(p, Double.NaN);
        Arrays.fill(g, Double.NaN);
        Arrays.fill(k, -1);
        for (int j = 0; j < reached; j++) {
            p[j] = probability[j];
            g[j] = genMass[j];
            k[j] = (long) kills[j];
        }
        return new SplittingResult(grid, reached, p, g, k, evaluations, pilotEvaluations, rungs,
                acceptance == null ? Double.NaN : acceptance, Ladder.End.valueOf(ladderEnd),
                extinctionLevel == null ? Double.NaN : extinctionLevel);
    }
}
