package gnc.kernel;

import java.util.Arrays;

/**
 * {@link GncLosses} for {@link LaneOps#LANES} draws at once: the optional normalization
 * W / (||W||_F + softening), then L_gen and L_train of each lane, both exact (no early
 * rejection: eight lanes' full sums cost less than the branches deciding when to stop would save).
 * One instance per thread.
 */
final class LaneLosses {
    private static final int L = LaneOps.LANES;
    private final LaneOps ops;
    private final int dim;
    private final int trainCount;
    private final int testCount;
    private final double[] trainRows;
    private final double[] labels;
    private final double[] testRows;
    private final double[] testTargets;
    private final boolean normalize;
    private final double softening;
    private final double[] scale = new double[L];
    private final double[] norm = new double[L];
    private final double[] train = new double[L];
    private final double[] gen = new double[L];

    LaneLosses(ProblemInstance problem, GncSettings settings, LaneOps ops) {
        this.ops = ops;
        this.dim = problem.dimension();
        this.trainCount = problem.measurementCount();
        this.testCount = problem.testCount();
        this.trainRows = problem.measurements();
        this.labels = problem.labels();
        this.testRows = problem.testBasis();
        this.testTargets = problem.testTargets();
        this.normalize = settings.normalize();
        this.softening = settings.softening();
        Arrays.fill(scale, 1.0);
    }

    /** Evaluates both losses of every lane of w (normalized first, if so set). */
    void evaluate(double[] w) {
        if (normalize) {
            norms(w);
            for (int l = 0; l < L; l++) {
                scale[l] = 1.0 / (norm[l] + softening);
            }
        }
        ops.squaredResiduals(testRows, testTargets, testCount, dim, w, scale, gen);
        ops.squaredResiduals(trainRows, labels, trainCount, dim, w, scale, train);
        for (int l = 0; l < L; l++) {
            gen[l] /= testCount;
            train[l] /= trainCount;
        }
    }

    double train(int lane) {
        return train[lane];
    }

    double gen(int lane) {
        return gen[lane];
    }

    /** Makes {@link #norm} hold ||W||_F of each lane of w, the W of the last evaluation. */
    void norms(double[] w) {
        ops.sumOfSquares(w, dim, norm);
        for (int l = 0; l < L; l++) {
            norm[l] = Math.sqrt(norm[l]);
        }
    }

    /** ||W||_F of lane l before normalization, after {@link #norms} (which normalization calls). */
    double norm(int lane) {
        return norm[lane];
    }

    boolean normalizes() {
        return normalize;
    }
}
