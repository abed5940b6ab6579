package gnc.spec;

import gnc.kernel.Activation;
import gnc.kernel.Factorization;
import gnc.kernel.GncSettings;
import gnc.kernel.Lanes;
import gnc.kernel.Streams;
import gnc.kernel.splitting.EpsGrid;
import gnc.kernel.splitting.SplittingMemory;
import gnc.kernel.splitting.WeightSpace;
import java.io.Serializable;

/**
 * A validated, fully resolved job: every default filled in, the command line's overrides
 * applied. Built by {@link SpecParser}.
 *
 * @param gd     the gradient-descent baseline, or null for none
 * @param subset subset simulation's settings, or null when gnc.methods does not include it
 * @param splitting splitting's settings, or null when gnc.methods does not include it
 * @param curve  the eps grid of the curve table
 * @param seeds  trials 0 .. seeds - 1; a seed fixes the data set, the draws and GD's initialization
 */
public record JobSpec(String name, String description, ProblemSource problem, Activation activation,
                      Sweep sweep, GncSpec gnc, GdSpec gd, SubsetSpec subset, SplittingSpec splitting,
                      CurveSpec curve, int seeds) implements Serializable {

    public Factorization model(SweepPoint p) {
        return new Factorization(problem.rows(), problem.cols(), p.width(), p.depth(), activation);
    }

    public JobSpec withDraws(long newDraws) {
        return new JobSpec(name, description, problem, activation, sweep, gnc.withDraws(newDraws), gd, subset, splitting,
                curve, seeds);
    }

    public JobSpec withSeeds(int newSeeds) {
        return new JobSpec(name, description, problem, activation, sweep, gnc, gd, subset, splitting, curve, newSeeds);
    }

    /**
     * The key of subset simulation's streams: replica r of a trial uses (subsetKey, width, depth,
     * seed, r). It covers what defines subset simulation's draws (target shape, model, prior,
     * normalization, softening) and not gnc.block_size, which only cuts plain G&C's draws into
     * units: it hashes the job key's text with the block size fixed at its default, which is
     * exactly the key runs had when it hashed the job key itself (their block size was the
     * default: subset-only specs cannot set one), so existing runs keep their replicas.
     */
    public long subsetKey() {
        return Streams.key("gnc-subset-v1|" + jobKey(JobFields.BLOCK_SIZE.fallback()));
    }

    /**
     * The key of splitting's streams at p: replica r of a trial uses (splittingKey(p), width,
     * depth, seed, r). Like {@link #subsetKey} it leaves gnc.block_size out; it adds the space
     * the particles move in at p (reduced parameters or full weights), which consume the stream
     * differently, and whether full weights move in lanes ({@link WeightSpace#movesInLanes}).
     */
    public long splittingKey(SweepPoint p) {
        String space = SplittingMemory.reduced(model(p), gnc.sampling()) ? "reduced"
                : WeightSpace.movesInLanes(model(p), gnc.sampling()) ? "weights|moves-" + Lanes.KERNEL : "weights";
        return Streams.key("gnc-splitting-v1|" + jobKey(JobFields.BLOCK_SIZE.fallback()) + "|" + space);
    }

    /**
     * The curve's eps grid at p: through gnc.eps, from curve.eps_max (default the prior's level,
     * {@link EpsGrid#priorLevel}, with seed 0's ||W*|| for a problem file) down to curve.eps_min
     * (default gnc.eps / 100). The same for every seed, so that seeds aggregate point by point.
     */
    public EpsGrid curveGrid(SweepPoint p) {
        double eps = gnc.eps();
        double max = curve.epsMax() != null ? curve.epsMax() : Math.max(eps, priorLevel(p));
        double min = curve.epsMin() != null ? curve.epsMin() : eps / Math.pow(10, EpsGrid.DECADES_BELOW);
        return EpsGrid.anchored(eps, max, min, curve.pointsPerDecade());
    }

    private double priorLevel(SweepPoint p) {
        if (problem.generated() != null) {
            return EpsGrid.priorLevel(problem.generated(), model(p), gnc.sampling());
        }
        double normSq = 0;
        for (double x : problem.instance(0).groundTruth()) {
            normSq += x * x;
        }
        return EpsGrid.priorLevel(problem.rows() * problem.cols(), normSq, model(p), gnc.sampling());
    }

    /** Where the point sits in the sweep (per-point settings are listed in this order). */
    public int pointIndex(SweepPoint p) {
        int i = sweep.points().indexOf(p);
        if (i < 0) {
            throw new IllegalArgumentException(p + " is not a point of the sweep");
        }
        return i;
    }

    /**
     * The key of GD's initializations: seed s at a point starts from the stream (gdKey, width,
     * depth, s); the init scale multiplies the draw, so it stays out, as do the data sets.
     */
    public long gdKey() {
        return Streams.key("gnc-gd-init-v1|" + problem.rows() + "x" + problem.cols());
    }

    /** The key of the data sets (see {@link ProblemSource#dataKey()}). */
    public long dataKey() {
        return problem.dataKey();
    }

    /**
     * The job key of the weight draws: covers what defines one draw of the weights, whatever the
     * point (target shape, model, prior, normalization, block size) and nothing else. Draw counts,
     * eps, seed counts, the sweep list and the data sets stay out, so a larger run extends a
     * smaller one, eps can be re-examined on the very same draws, and the same weights meet a
     * problem file's instances as met the generated ones they were written from.
     */
    public long jobKey() {
        return jobKey(gnc.blockSize());
    }

    private long jobKey(long blockSize) {
        GncSettings g = gnc.sampling();
        return Streams.key("gnc-draws-v3|" + problem.rows() + "x" + problem.cols() + "|" + activation
                + "|" + g.prior().specName() + "|" + g.normalize() + "|" + g.softening() + "|" + blockSize);
    }

    /**
     * The key of plain G&C's draws at point p: the job key and the sampler that draws at p,
     * resolved (direct or reduced consume the random stream differently); "auto" and the sampler
     * it resolves to share draws.
     */
    public long drawKey(SweepPoint p) {
        return Streams.key(jobKey() + "|" + gnc.sampling().resolvedSampler(model(p)).specName());
    }

    /** Short hash of the whole resolved spec, for run directory names. */
    public String shortHash() {
        return String.format("%016x", Streams.key(SpecJson.write(this))).substring(0, 8);
    }
}
