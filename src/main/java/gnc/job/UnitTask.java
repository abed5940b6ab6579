package gnc.job;

import gnc.estimator.Estimator;
import gnc.estimator.UnitRecord;
import gnc.estimator.UnitRows;
import gnc.estimator.WorkUnit;
import gnc.kernel.ProblemInstance;
import gnc.spec.JobSpec;
import gnc.spec.SweepPoint;
import java.util.Iterator;
import org.apache.spark.api.java.function.VoidFunction;

/**
 * Computes the batches of one Spark partition with their estimators and writes each batch to its
 * unit file as soon as it is done, so that an interrupted run loses at most the tasks in flight.
 * A trial's data set is generated where it is used (a pure function of the data key and the
 * seed), so nothing per seed is shipped. Runs in a foreach action: Spark applies its accumulator
 * updates once per successful task.
 */
final class UnitTask implements VoidFunction<Iterator<Batch>> {
    private static final long serialVersionUID = 2L;

    private final PlannedUnits planned;
    private final UnitFiles files;
    private final Progress.Counters counters;

    UnitTask(PlannedUnits planned, UnitFiles files, Progress.Counters counters) {
        this.planned = planned;
        this.files = files;
        this.counters = counters;
    }

    @Override
    public void call(Iterator<Batch> batches) throws Exception {
        JobSpec spec = planned.spec();
        String activation = spec.activation().kind().specName();
        while (batches.hasNext()) {
            Batch b = batches.next();
            Estimator e = planned.estimator(b.method);
            try (UnitFiles.Writer out = files.create(b.fileName, b.method, b.units())) {
                ProblemInstance problem = null;
                int problemSeed = -1;
                for (Segment s : b.segments) {
                    if (s.seed != problemSeed) {
                        problem = spec.problem().instance(s.seed);
                        problemSeed = s.seed;
                    }
                    SweepPoint p = new SweepPoint(s.width, s.depth);
                    for (int i = s.from; i < s.to; i++) {
                        WorkUnit u = e.unit(p, s.seed, i);
                        UnitRecord r = e.compute(u, problem);
                        out.add(e.fingerprint(u), UnitRows.json(e, u, activation, r));
                        counters.units().add(1);
                        counters.draws().add(r.draws());
                        counters.accepted().add(r.accepted());
                    }
                }
                out.commit();
            }
        }
    }
}
