package gnc.job;

import gnc.kernel.ProblemGenerator;
import gnc.kernel.ProblemInstance;
import gnc.kernel.Streams;
import gnc.spec.JobSpec;

/** The data sets of a job: seed s's instance is drawn from the stream (data key, s) alone. */
public final class Problems {
    private Problems() {
    }

    public static ProblemInstance[] generate(JobSpec spec) {
        ProblemInstance[] out = new ProblemInstance[spec.seeds()];
        for (int s = 0; s < out.length; s++) {
            out[s] = ProblemGenerator.generate(spec.problem(), Streams.stream(spec.dataKey(), s));
        }
        return out;
    }
}
