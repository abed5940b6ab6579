package gnc.job;

import gnc.spec.JobSpec;
import gnc.spec.SweepPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a job into work units: for every point and seed, ceil(draws / blockSize) blocks of
 * blockSize draws, the last one shorter when blockSize does not divide draws. A block's draws
 * are a prefix of the same block in any longer run, so more draws extend fewer.
 */
public final class Planner {
    private Planner() {
    }

    public static List<WorkUnit> plan(JobSpec spec) {
        List<WorkUnit> units = new ArrayList<>();
        long blocks = (spec.draws() + spec.blockSize() - 1) / spec.blockSize();
        for (SweepPoint p : spec.sweep().points()) {
            for (int seed = 0; seed < spec.seeds(); seed++) {
                for (int b = 0; b < blocks; b++) {
                    long first = (long) b * spec.blockSize();
                    units.add(new WorkUnit(p.width(), p.depth(), seed, b,
                            Math.min(spec.blockSize(), spec.draws() - first)));
                }
            }
        }
        return units;
    }
}
