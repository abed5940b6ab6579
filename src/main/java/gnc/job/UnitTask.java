package gnc.job;

import gnc.estimator.Estimator;
import gnc.estimator.UnitRecord;
import gnc.estimator.UnitRows;
import gnc.estimator.WorkUnit;
import gnc.kernel.ProblemInstance;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.broadcast.Broadcast;

/**
 * Computes the work units of one Spark partition with their estimators and writes each result to
 * its unit file as soon as it is done, so that an interrupted run loses at most the units in
 * flight. Runs in a foreach action: Spark applies its accumulator updates once per successful task.
 */
final class UnitTask implements VoidFunction<Iterator<WorkUnit>> {
    private static final long serialVersionUID = 1L;

    private final List<Estimator> estimators;
    private final String activation;
    private final Broadcast<ProblemInstance[]> problems;
    private final UnitFiles files;
    private final Progress.Counters counters;

    UnitTask(List<Estimator> estimators, String activation, Broadcast<ProblemInstance[]> problems, UnitFiles files,
             Progress.Counters counters) {
        this.estimators = List.copyOf(estimators);
        this.activation = activation;
        this.problems = problems;
        this.files = files;
        this.counters = counters;
    }

    @Override
    public void call(Iterator<WorkUnit> units) throws Exception {
        while (units.hasNext()) {
            WorkUnit u = units.next();
            Estimator e = estimators.stream().filter(x -> x.method().equals(u.method())).findFirst().orElseThrow();
            UnitRecord r = e.compute(u, problems.value()[u.seed()]);
            files.write(UnitFiles.name(u, e.fingerprint(u)), UnitRows.json(e, u, activation, r));
            counters.units().add(1);
            counters.draws().add(r.draws());
            counters.accepted().add(r.accepted());
        }
    }
}
