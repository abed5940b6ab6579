package gnc.kernel.splitting;

import gnc.kernel.Factorization;
import gnc.kernel.GncSettings;
import gnc.kernel.GramForward;
import gnc.kernel.LossEvaluator;
import gnc.kernel.Prior;
import gnc.kernel.ProblemInstance;
import java.util.SplittableRandom;

/**
 * The G&amp;C prior over the reduced sampler's Gaussian parameters ({@link GramForward}): (d - 1) k m'
 * + m m' doubles per state instead of the (d - 2) k^2 + k (m + m') weights, and O(d k m'^2) flops
 * per evaluation instead of O(d k^2 m'), for the Gaussian prior at width k &gt;= m'. W has the
 * prior's law, the move is pCN on the parameters (reversible for their iid Gaussian law), accepted
 * when the proposal's L_train is below the level; W and the losses are then formed as G&amp;C forms
 * them (with normalization W / (||W||_F + softening)). One instance per thread.
 */
public final class GramSpace implements ConstrainedPrior {
    private final GramForward forward;
    private final LossEvaluator losses;
    private final GncSettings settings;
    private final int size;
    private final double[] proposal;
    private final double[] w;

    public GramSpace(ProblemInstance problem, Factorization model, GncSettings settings) {
        if (problem.rows() != model.rows() || problem.cols() != model.cols()) {
            throw new IllegalArgumentException("model shape " + model.rows() + " x " + model.cols()
                    + " does not match problem shape " + problem.rows() + " x " + problem.cols());
        }
        if (settings.prior() != Prior.GAUSS) {
            throw new IllegalArgumentException("the reduced parameters need the Gaussian prior");
        }
        this.forward = new GramForward(model);
        this.losses = new LossEvaluator(problem);
        this.settings = settings;
        this.size = forward.stateSize();
        this.proposal = new double[size];
        this.w = new double[problem.dimension()];
    }

    @Override
    public int stateSize() {
        return size;
    }

    @Override
    public void drawPrior(SplittableRandom rng, double[] states, double[] train, double[] gen, int i) {
        forward.drawPrior(rng, proposal, 0);
        evaluate(Double.POSITIVE_INFINITY);
        store(states, train, gen, i);
    }

    @Override
    public boolean step(SplittableRandom rng, double[] states, double[] train, double[] gen, int i, double level,
                        double rho) {
        forward.propose(states, i * size, proposal, rho, rng);
        evaluate(level);
        if (losses.train() < level) {
            store(states, train, gen, i);
            return true;
        }
        return false;
    }

    private void evaluate(double trainCutoff) {
        forward.compute(proposal, 0, w);
        double scale = 1.0;
        if (settings.normalize()) {
            double s = 0;
            for (double v : w) {
                s += v * v;
            }
            scale = 1.0 / (Math.sqrt(s) + settings.softening());
        }
        losses.evaluate(w, scale, trainCutoff);
    }

    private void store(double[] states, double[] train, double[] gen, int i) {
        System.arraycopy(proposal, 0, states, i * size, size);
        train[i] = losses.train();
        gen[i] = losses.gen();
    }
}
