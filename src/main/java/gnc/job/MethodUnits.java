package gnc.job;

import gnc.kernel.ProblemInstance;
import gnc.spec.SweepPoint;
import java.io.Serializable;
import java.util.List;

/** How one method (plain G&C, gradient descent, ...) cuts a trial into work units and computes one. */
interface MethodUnits extends Serializable {

    /** The method's name: the prefix of its unit files and the method column of its rows. */
    String method();

    /** The units of the (point, seed) trial. */
    List<WorkUnit> plan(SweepPoint p, int seed);

    /** What a unit's result depends on beyond its place (part of its file name). */
    String fingerprint(WorkUnit u);

    /** Computes the unit with the kernel. */
    Result compute(WorkUnit u, ProblemInstance problem);

    /** A computed unit: its record (one line of JSON), and its G&C draws and acceptances (0 for others). */
    record Result(String json, long draws, long accepted) {
    }
}
