package gnc.job;

import gnc.kernel.ProblemInstance;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.broadcast.Broadcast;

/**
 * Computes the work units of one Spark partition with the kernel and writes each result to its
 * unit file as soon as it is done, so that an interrupted run loses at most the units in flight.
 * Runs in a foreach action: Spark applies its accumulator updates once per successful task.
 */
final class UnitTask implements VoidFunction<Iterator<WorkUnit>> {
    private static final long serialVersionUID = 1L;

    private final List<MethodUnits> methods;
    private final Broadcast<ProblemInstance[]> problems;
    private final UnitFiles files;
    private final Progress.Counters counters;

    UnitTask(List<MethodUnits> methods, Broadcast<ProblemInstance[]> problems, UnitFiles files,
             Progress.Counters counters) {
        this.methods = List.copyOf(methods);
        this.problems = problems;
        this.files = files;
        this.counters = counters;
    }

    @Override
    public void call(Iterator<WorkUnit> units) throws Exception {
        while (units.hasNext()) {
            WorkUnit u = units.next();
            MethodUnits m = methods.stream().filter(x -> x.method().equals(u.method())).findFirst().orElseThrow();
            MethodUnits.Result r = m.compute(u, problems.value()[u.seed()]);
            files.write(UnitFiles.name(u, m.fingerprint(u)), r.json());
            counters.units().add(1);
            counters.draws().add(r.draws());
            counters.accepted().add(r.accepted());
        }
    }
}
