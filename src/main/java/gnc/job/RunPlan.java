package gnc.job;

import gnc.estimator.Estimator;
import gnc.estimator.WorkUnit;
import gnc.spec.JobSpec;
import gnc.spec.SweepPoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The work units of a run, split into those already done (their unit file exists) and those
 * still to compute, grouped by (point, seed) trial in sweep order.
 */
final class RunPlan {
    final Set<String> fileNames = new HashSet<>();
    final Map<String, List<WorkUnit>> pendingByTrial = new LinkedHashMap<>();
    long units;
    long totalDraws;
    long doneDraws;

    RunPlan(JobSpec spec, List<Estimator> estimators, Set<String> present) {
        for (SweepPoint p : spec.sweep().points()) {
            for (int seed = 0; seed < spec.seeds(); seed++) {
                for (Estimator m : estimators) {
                    m.plan(p, seed).forEach(u -> add(u, UnitFiles.name(u, m.fingerprint(u)), present));
                }
            }
        }
    }

    private void add(WorkUnit u, String fileName, Set<String> present) {
        fileNames.add(fileName);
        units++;
        totalDraws += u.draws();
        if (present.contains(fileName)) {
            doneDraws += u.draws();
        } else {
            pendingByTrial.computeIfAbsent(u.cell(), c -> new ArrayList<>()).add(u);
        }
    }

    long pendingUnits() {
        return pendingByTrial.values().stream().mapToLong(List::size).sum();
    }
}
