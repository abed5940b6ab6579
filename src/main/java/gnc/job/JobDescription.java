package gnc.job;

import gnc.spec.JobSpec;

/** A short human description of what a job draws, for messages. */
final class JobDescription {
    private JobDescription() {
    }

    static String of(JobSpec s) {
        var p = s.problem();
        var g = s.gnc().sampling();
        return p.rows() + "x" + p.cols() + " rank " + p.rank() + ", " + p.measurements()
                + (p.completion() ? " one-hot" : " Gaussian") + " measurements, " + s.activation() + ", "
                + g.prior().specName() + " prior" + (g.normalize() ? " normalized" : "")
                + ", block size " + s.gnc().blockSize();
    }
}
