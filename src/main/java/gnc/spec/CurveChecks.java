package gnc.spec;

import gnc.kernel.splitting.EpsGrid;
import gnc.kernel.splitting.SplittingMemory;

/**
 * The checks of a spec's curve grid and splitting shapes, point by point, before anything runs:
 * a grid that cannot be built (bounds out of order, too many points) and a shape whose particles
 * cannot be held in Java arrays are refused in one line naming the fields to change. (The memory
 * of a replica against the executor's is checked when the run is planned, as for every estimator.)
 */
final class CurveChecks {
    private CurveChecks() {
    }

    static void check(JobSpec s, Fields top) {
        for (SweepPoint p : s.sweep().points()) {
            String at = " at width " + p.width() + ", depth " + p.depth() + ": ";
            EpsGrid grid;
            try {
                grid = s.curveGrid(p);
            } catch (IllegalArgumentException e) {
                throw new SpecException(top.label("curve") + at + e.getMessage() + " (fields "
                        + top.label(JobFields.EPS_MAX.path()) + ", " + top.label(JobFields.EPS_MIN.path()) + ", "
                        + top.label(JobFields.POINTS_PER_DECADE.path()) + ")");
            }
            if (s.splitting() != null) {
                try {
                    SplittingMemory.check(s.model(p), s.gnc().sampling(), s.splitting().settings(), grid,
                            Long.MAX_VALUE);
                } catch (IllegalArgumentException e) {
                    throw new SpecException(e.getMessage().replace("lower particles, width or depth", "lower "
                            + top.label(JobFields.PARTICLES.path()) + ", or the sweep's widths or depths"));
                }
            }
        }
    }
}
