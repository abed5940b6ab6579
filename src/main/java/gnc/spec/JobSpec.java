package gnc.spec;

import gnc.kernel.Activation;
import gnc.kernel.Factorization;
import gnc.kernel.GncSettings;
import gnc.kernel.ProblemSettings;
import gnc.kernel.Streams;
import java.io.Serializable;

/**
 * A validated, fully resolved job: every default filled in. Built by {@link SpecParser}; the
 * command line may then override the number of draws and seeds.
 *
 * @param draws     G&C draws per (point, seed)
 * @param blockSize draws per work unit; part of the stream identity (see {@link #drawKey(SweepPoint)})
 * @param seeds     trials 0 .. seeds - 1; a seed fixes the data set and the draws
 */
public record JobSpec(String name, String description, ProblemSettings problem, Activation activation,
                      Sweep sweep, GncSettings gnc, double eps, long draws, int blockSize, int seeds)
        implements Serializable {

    public Factorization model(SweepPoint p) {
        return new Factorization(problem.rows(), problem.cols(), p.width(), p.depth(), activation);
    }

    public JobSpec withDraws(long newDraws) {
        return new JobSpec(name, description, problem, activation, sweep, gnc, eps, newDraws, blockSize, seeds);
    }

    public JobSpec withSeeds(int newSeeds) {
        return new JobSpec(name, description, problem, activation, sweep, gnc, eps, draws, blockSize, newSeeds);
    }

    /**
     * The key of the data sets: seed s's problem instance is a function of (dataKey, s) alone,
     * so it is the same at every point of a sweep and in every job on the same problem family.
     */
    public long dataKey() {
        return Streams.key("gnc-data-v1|" + SpecJson.problemText(problem));
    }

    /**
     * The key of the draws at point p: covers what defines one draw (problem family, model, prior,
     * normalization, block size, and the sampler that draws at p, resolved: direct or reduced,
     * since they consume the random stream differently) and nothing else. Draw counts, eps, seed
     * counts and the sweep list stay out, so a larger run extends a smaller one and eps can be
     * re-examined on the very same draws; "auto" and the sampler it resolves to share draws.
     */
    public long drawKey(SweepPoint p) {
        return Streams.key("gnc-draws-v2|" + SpecJson.problemText(problem) + "|" + activation
                + "|" + gnc.prior().specName() + "|" + gnc.normalize() + "|" + gnc.softening()
                + "|" + blockSize + "|" + gnc.resolvedSampler(model(p)).specName());
    }

    /** Short hash of the whole resolved spec, for run directory names. */
    public String shortHash() {
        return String.format("%016x", Streams.key(SpecJson.write(this))).substring(0, 8);
    }
}
