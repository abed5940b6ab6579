package gnc.spec;

import gnc.kernel.Activation;
import gnc.kernel.Factorization;
import gnc.kernel.GncSettings;
import gnc.kernel.Streams;
import java.io.Serializable;

/**
 * A validated, fully resolved job: every default filled in. Built by {@link SpecParser}; the
 * command line may then override the number of draws and seeds.
 *
 * @param seeds trials 0 .. seeds - 1; a seed fixes the data set and the draws
 */
public record JobSpec(String name, String description, ProblemSource problem, Activation activation,
                      Sweep sweep, GncSpec gnc, int seeds) implements Serializable {

    public Factorization model(SweepPoint p) {
        return new Factorization(problem.rows(), problem.cols(), p.width(), p.depth(), activation);
    }

    public JobSpec withDraws(long newDraws) {
        return new JobSpec(name, description, problem, activation, sweep, gnc.withDraws(newDraws), seeds);
    }

    public JobSpec withSeeds(int newSeeds) {
        return new JobSpec(name, description, problem, activation, sweep, gnc, newSeeds);
    }

    /** The key of the data sets (see {@link ProblemSource#dataKey()}). */
    public long dataKey() {
        return problem.dataKey();
    }

    /**
     * The job key of the draws: covers what defines one draw of the weights (target shape, model,
     * prior, normalization, block size) and nothing else. Draw counts, eps, seed counts, the sweep
     * list and the data sets stay out, so a larger run extends a smaller one, eps can be
     * re-examined on the very same draws, and the same weights meet a problem file's instances as
     * met the generated ones they were written from.
     */
    public long drawKey() {
        GncSettings g = gnc.sampling();
        return Streams.key("gnc-draws-v2|" + problem.rows() + "x" + problem.cols() + "|" + activation
                + "|" + g.prior().specName() + "|" + g.normalize() + "|" + g.softening() + "|" + gnc.blockSize());
    }

    /** Short hash of the whole resolved spec, for run directory names. */
    public String shortHash() {
        return String.format("%016x", Streams.key(SpecJson.write(this))).substring(0, 8);
    }
}
