package gnc.kernel.splitting;

import gnc.kernel.Factorization;
import java.util.Locale;

/**
 * The memory one {@link Splitting} replica over full weights ({@link WeightSpace}) holds, and the
 * up-front refusal of shapes that do not fit a budget. A replica keeps N states of P weights
 * (P = k m' + (d - 2) k^2 + m k) and their two losses, in doubles, with two int indices per
 * particle for the kills; the pilot reuses the first states. The sampler adds two P-sized work
 * vectors (the proposal and its noise), 2 d k m' doubles for the forward pass's layer outputs,
 * D = m m' for W and D (D + 1) for the loss evaluator's copy of the measurements, test basis and
 * targets. So the bytes are
 * <pre>
 *   8 (N (P + 2) + 2 P + 2 d k m' + D (D + 2) + pilotParticles) + 8 N + 24 (grid points),
 * </pre>
 * about 8 N P: N = 1000 particles at width 5, depth 10 (P = 250) take 2.0 MB; at width 352,
 * depth 3 (P = 127,424) 1.0 GB. Java object headers (a few dozen bytes per array) are left out.
 */
public final class SplittingMemory {
    /** Doubles one Java array can hold (the JVMs' limit, a little below 2^31). */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8L;

    private SplittingMemory() {
    }

    /** P, the weights per state, as a long (it passes int range at the largest shapes). */
    public static long weightsPerState(Factorization model) {
        long k = model.width();
        return k * model.cols() + (model.depth() - 2L) * k * k + model.rows() * k;
    }

    /** The bytes one replica holds (see the class comment). */
    public static long bytesPerReplica(Factorization model, SplittingSettings s, EpsGrid grid) {
        long p = weightsPerState(model);
        long n = s.particles();
        long dim = (long) model.rows() * model.cols();
        long doubles = n * (p + 2) + 2 * p + 2L * model.depth() * model.width() * model.cols() + dim * (dim + 2)
                + s.pilotParticles();
        return 8 * doubles + 8 * n + 24L * grid.size();
    }

    /**
     * Returns {@link #bytesPerReplica} when a replica fits budgetBytes and Java's array limit;
     * otherwise throws an IllegalArgumentException whose one-line message names the fields to
     * change.
     */
    public static long check(Factorization model, SplittingSettings s, EpsGrid grid, long budgetBytes) {
        long p = weightsPerState(model);
        String shape = "width " + model.width() + ", depth " + model.depth();
        if (p > MAX_ARRAY / s.particles()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "splitting cannot hold %d particles x %,d weights per state (%s) in one Java array of at most"
                            + " %,d doubles: lower particles, width or depth", s.particles(), p, shape, MAX_ARRAY));
        }
        long bytes = bytesPerReplica(model, s, grid);
        if (bytes > budgetBytes) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "splitting needs %s per replica (%d particles x %,d weights per state at %s) but the budget"
                            + " is %s: lower particles, width or depth", size(bytes), s.particles(), p, shape,
                    size(budgetBytes)));
        }
        return bytes;
    }

    /** Bytes in binary units, 3 significant digits. */
    static String size(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.3g %s", v, units[u]);
    }
}
