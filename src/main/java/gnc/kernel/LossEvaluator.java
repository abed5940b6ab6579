package gnc.kernel;

/**
 * Both losses of docs/science.md §1 for many W against one problem instance, fast and allocation-free.
 *
 * <p>The residuals are r_i = scale * <A_i, W> - y_i (training) and scale * <B_j, W> - <B_j, W*>
 * (test), so L_train = mean r_i^2 over the n measurements and L_gen = mean over the test basis.
 * Every inner product runs over vec(W) in index order, as {@link ProblemInstance} defines them.
 *
 * <p>Early rejection: L_train is accumulated measurement by measurement and abandoned once the
 * partial sum reaches n * cutoff. Then {@link #train()} is a value >= cutoff (not L_train
 * itself); below the cutoff it is exact. Choosing cutoff = max(eps, smallest L_train so far)
 * keeps both the acceptance decision and the running minimum exact. L_gen is always exact.
 * One instance per thread: {@link #train()} and {@link #gen()} hold the last evaluation.
 */
public final class LossEvaluator {
    private final int dim;
    private final int trainCount;
    private final int testCount;
    private final double[] trainRows;
    private final double[] labels;
    private final double[] testRows;
    private final double[] testTargets;
    private double train;
    private double gen;

    public LossEvaluator(ProblemInstance problem) {
        this.dim = problem.dimension();
        this.trainCount = problem.measurementCount();
        this.testCount = problem.testCount();
        this.trainRows = problem.measurements();
        this.labels = problem.labels();
        this.testRows = problem.testBasis();
        this.testTargets = problem.testTargets();
    }

    /** Evaluates L_gen and (up to the cutoff, see the class comment) L_train at scale * W. */
    public void evaluate(double[] w, double scale, double trainCutoff) {
        gen = sumOfSquaredResiduals(testRows, testTargets, testCount, w, scale, Double.POSITIVE_INFINITY)
                / testCount;
        train = sumOfSquaredResiduals(trainRows, labels, trainCount, w, scale, trainCutoff * trainCount)
                / trainCount;
    }

    /** L_train of the last evaluation (exact when below its cutoff). */
    public double train() {
        return train;
    }

    /** L_gen of the last evaluation. */
    public double gen() {
        return gen;
    }

    /**
     * sum_i (scale * <row_i, w> - target_i)^2 over rows in order; stops once the sum reaches
     * limit. Four rows per pass: each load of w serves four independent dot products, whose
     * dependency chains the processor then overlaps (one row at a time would wait on the adder's
     * latency at every step). Each dot product still runs over w in index order.
     */
    private double sumOfSquaredResiduals(double[] rows, double[] targets, int count, double[] w,
                                         double scale, double limit) {
        int d = dim;
        double total = 0.0;
        int i = 0;
        for (; i + 3 < count; i += 4) {
            int o0 = i * d;
            int o1 = o0 + d;
            int o2 = o1 + d;
            int o3 = o2 + d;
            double s0 = 0.0;
            double s1 = 0.0;
            double s2 = 0.0;
            double s3 = 0.0;
            for (int j = 0; j < d; j++) {
                double wj = w[j];
                s0 += rows[o0 + j] * wj;
                s1 += rows[o1 + j] * wj;
                s2 += rows[o2 + j] * wj;
                s3 += rows[o3 + j] * wj;
            }
            double e0 = scale * s0 - targets[i];
            double e1 = scale * s1 - targets[i + 1];
            double e2 = scale * s2 - targets[i + 2];
            double e3 = scale * s3 - targets[i + 3];
            total += e0 * e0;
            total += e1 * e1;
            total += e2 * e2;
            total += e3 * e3;
            if (total >= limit) {
                return total;
            }
        }
        for (; i < count; i++) {
            int o = i * d;
            double s = 0.0;
            for (int j = 0; j < d; j++) {
                s += rows[o + j] * w[j];
            }
            double e = scale * s - targets[i];
            total += e * e;
        }
        return total;
    }
}
