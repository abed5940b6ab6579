package gnc.kernel;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Draws problem instances as docs/science.md §1 describes them, from a caller-given random stream.
 * Draw order (part of the reproducibility contract): U (m x r) and V (r x m') row-major, then
 * the measurements (Gaussian entries, A_1 first; or the one-hot positions for completion).
 */
public final class ProblemGenerator {
    /** A measurement is dependent when less than this fraction of its norm is outside the others' span. */
    static final double INDEPENDENCE_TOLERANCE = 1e-9;

    private ProblemGenerator() {
    }

    public static ProblemInstance generate(ProblemSettings s, SplittableRandom rng) {
        double[] truth = groundTruth(s, rng);
        return s.completion() ? completion(s, truth, rng) : sensing(s, truth, rng);
    }

    /** W* = U V with iid N(0,1) entries, rescaled to the requested Frobenius norm. */
    static double[] groundTruth(ProblemSettings s, SplittableRandom rng) {
        int m = s.rows();
        int mp = s.cols();
        int r = s.rank();
        double[] u = gaussians(rng, m * r);
        double[] v = gaussians(rng, r * mp);
        double[] w = new double[m * mp];
        RowMajorOps.mult(u, 0, m, r, v, mp, w);
        scaleToNorm(w, s.groundTruthNorm());
        return w;
    }

    private static ProblemInstance sensing(ProblemSettings s, double[] truth, SplittableRandom rng) {
        int dim = s.dimension();
        int n = s.measurements();
        double[] a = new double[n * dim];
        for (int i = 0; i < n; i++) {
            double[] ai = gaussians(rng, dim);
            scaleToNorm(ai, 1.0);
            System.arraycopy(ai, 0, a, i * dim, dim);
        }
        return new ProblemInstance(s.rows(), s.cols(), truth, a, orthogonalComplement(a, n, dim));
    }

    /** n distinct one-hot positions, uniformly (partial Fisher-Yates); B = the other one-hots. */
    private static ProblemInstance completion(ProblemSettings s, double[] truth, SplittableRandom rng) {
        int dim = s.dimension();
        int n = s.measurements();
        int[] positions = new int[dim];
        for (int i = 0; i < dim; i++) {
            positions[i] = i;
        }
        for (int i = 0; i < n; i++) {
            int j = i + rng.nextInt(dim - i);
            int t = positions[i];
            positions[i] = positions[j];
            positions[j] = t;
        }
        boolean[] observed = new boolean[dim];
        double[] a = new double[n * dim];
        for (int i = 0; i < n; i++) {
            observed[positions[i]] = true;
            a[i * dim + positions[i]] = 1.0;
        }
        double[] b = new double[(dim - n) * dim];
        int row = 0;
        for (int p = 0; p < dim; p++) {
            if (!observed[p]) {
                b[row++ * dim + p] = 1.0;
            }
        }
        return new ProblemInstance(s.rows(), s.cols(), truth, a, b);
    }

    /**
     * An orthonormal basis ((D - n) x D, one vector per row) of the orthogonal complement of the
     * span of the n rows of a: the last D - n columns of Q in a complete QR of [vec A_1 .. vec A_n].
     */
    public static double[] orthogonalComplement(double[] a, int n, int dim) {
        checkIndependent(a, n, dim);
        DMatrixRMaj x = new DMatrixRMaj(dim, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                x.set(j, i, a[i * dim + j]);
            }
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(dim, n);
        if (!qr.decompose(x)) {
            throw new IllegalArgumentException("QR decomposition of the measurements failed");
        }
        DMatrixRMaj q = qr.getQ(null, false);
        double[] basis = new double[(dim - n) * dim];
        for (int i = n; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                basis[(i - n) * dim + j] = q.get(j, i);
            }
        }
        return basis;
    }

    /**
     * Fails naming the first measurement that lies (to within a relative tolerance) in the span of
     * those before it: Gram-Schmidt, orthogonalizing twice for accuracy.
     */
    public static void checkIndependent(double[] a, int n, int dim) {
        double[][] q = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] v = java.util.Arrays.copyOfRange(a, i * dim, (i + 1) * dim);
            double norm = RowMajorOps.normF(v);
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < i; j++) {
                    double dot = 0;
                    for (int t = 0; t < dim; t++) {
                        dot += v[t] * q[j][t];
                    }
                    for (int t = 0; t < dim; t++) {
                        v[t] -= dot * q[j][t];
                    }
                }
            }
            double residual = RowMajorOps.normF(v);
            if (!(residual > INDEPENDENCE_TOLERANCE * norm)) {
                throw new IllegalArgumentException("measurement " + i
                        + (i == 0 ? " is zero" : " is linearly dependent on the ones before it"));
            }
            for (int t = 0; t < dim; t++) {
                v[t] /= residual;
            }
            q[i] = v;
        }
    }

    private static double[] gaussians(SplittableRandom rng, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = rng.nextGaussian();
        }
        return out;
    }

    private static void scaleToNorm(double[] x, double target) {
        double f = target / RowMajorOps.normF(x);
        for (int i = 0; i < x.length; i++) {
            x[i] *= f;
        }
    }
}
