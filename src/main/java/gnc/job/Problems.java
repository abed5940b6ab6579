package gnc.job;

import gnc.kernel.ProblemInstance;
import gnc.spec.JobSpec;

/** The data sets of a job, one per seed (see {@link gnc.spec.ProblemSource#instance(int)}). */
public final class Problems {
    private Problems() {
    }

    public static ProblemInstance[] generate(JobSpec spec) {
        ProblemInstance[] out = new ProblemInstance[spec.seeds()];
        for (int s = 0; s < out.length; s++) {
            out[s] = spec.problem().instance(s);
        }
        return out;
    }
}
