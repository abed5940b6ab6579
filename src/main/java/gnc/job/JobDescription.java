package gnc.job;

import gnc.spec.JobSpec;

/** A short human description of what a job draws, for messages. */
final class JobDescription {
    private JobDescription() {
    }

    static String of(JobSpec s) {
        var g = s.gnc().sampling();
        return s.problem().describe() + ", " + s.activation() + ", "
                + g.prior().specName() + " prior" + (g.normalize() ? " normalized" : "")
                + ", block size " + s.gnc().blockSize();
    }
}
