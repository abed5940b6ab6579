package gnc.kernel.splitting;

import gnc.kernel.Factorization;
import gnc.kernel.GncSettings;
import gnc.kernel.GramForward;
import gnc.kernel.SamplerKind;
import java.util.Locale;

/**
 * The memory one {@link Splitting} replica holds, and the up-front refusal of shapes that do not
 * fit a budget. A replica keeps N states of S doubles and their two losses, with two int indices
 * per particle for the kills; the pilot reuses the first states. S is the full weights' count
 * P = k m' + (d - 2) k^2 + m k ({@link WeightSpace}), or (d - 1) k m' + m m' for the reduced
 * parameters ({@link GramSpace}; which one, see {@link #reduced}). The space adds its
 * work vectors: for full weights the proposal and its noise (2 P) and the forward pass's layer
 * outputs (2 d k m'); for reduced parameters the proposal (S), one layer (k m') and two m' x m'
 * matrices; both W (D = m m') and the loss evaluator's copy of the measurements, test basis and
 * targets (D (D + 1)). So the bytes are
 * <pre>
 *   8 (N (S + 2) + work + D (D + 2) + pilotParticles) + 8 N + 24 (grid points),
 * </pre>
 * about 8 N S: N = 1000 particles at width 5, depth 10 (S = P = 250) take 2.0 MB; at width 352,
 * depth 3 over full weights (P = 127,424) 1.0 GB, over reduced parameters (S = 3,545) 28 MB.
 * Java object headers (a few dozen bytes per array) are left out.
 */
public final class SplittingMemory {
    /** Doubles one Java array can hold (the JVMs' limit, a little below 2^31). */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8L;

    private SplittingMemory() {
    }

    /**
     * Whether splitting moves in the reduced parameters ({@link GramSpace}) rather than the full
     * weights: always with sampler reduced (refused where it is not exact), never with direct, and
     * with auto where reduced is exact and the width is at least 1.5 times cols. At width = cols
     * the two states are the same size and the full weights mixed better (Figures 1 and 2 at
     * width 5, N = 1000: 1.6x and 1.7x less variance of P per evaluation at eps / 100); the reduced
     * parameters win as the width grows (a state of (d - 1) k m' against (d - 2) k^2 doubles, an
     * evaluation of O(d k m'^2) against O(d k^2 m') flops).
     */
    public static boolean reduced(Factorization model, GncSettings gnc) {
        // Exactness alone: plain G&C's auto choice (by the speed of its lanes) says nothing about mixing.
        boolean exact = SamplerKind.reducedInexactReason(model, gnc.prior()) == null;
        return switch (gnc.sampler()) {
            case DIRECT -> false;
            case REDUCED -> exact;
            case AUTO -> exact && 2 * model.width() >= 3 * model.cols();
        };
    }

    /** P, the full weights per state, as a long (it passes int range at the largest shapes). */
    public static long weightsPerState(Factorization model) {
        long k = model.width();
        return k * model.cols() + (model.depth() - 2L) * k * k + model.rows() * k;
    }

    /** S, the doubles per state of the space splitting uses for the model. */
    public static long stateSize(Factorization model, GncSettings gnc) {
        return reduced(model, gnc) ? GramForward.stateSize(model) : weightsPerState(model);
    }

    /** The bytes one replica holds (see the class comment). */
    public static long bytesPerReplica(Factorization model, GncSettings gnc, SplittingSettings s, EpsGrid grid) {
        long size = stateSize(model, gnc);
        long layer = (long) model.width() * model.cols();
        long work = reduced(model, gnc) ? size + layer + 2L * model.cols() * model.cols()
                : 2 * size + 2L * model.depth() * layer;
        long dim = (long) model.rows() * model.cols();
        long n = s.particles();
        long doubles = n * (size + 2) + work + dim * (dim + 2) + s.pilotParticles();
        return 8 * doubles + 8 * n + 24L * grid.size();
    }

    /**
     * Returns {@link #bytesPerReplica} when a replica fits budgetBytes and Java's array limit;
     * otherwise throws an IllegalArgumentException whose one-line message names the fields to
     * change.
     */
    public static long check(Factorization model, GncSettings gnc, SplittingSettings s, EpsGrid grid,
                             long budgetBytes) {
        long size = stateSize(model, gnc);
        String what = (reduced(model, gnc) ? "reduced parameters" : "weights") + " per state";
        String shape = "width " + model.width() + ", depth " + model.depth();
        if (size > MAX_ARRAY / s.particles()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "splitting cannot hold %d particles x %,d %s (%s) in one Java array of at most %,d doubles:"
                            + " lower particles, width or depth", s.particles(), size, what, shape, MAX_ARRAY));
        }
        long bytes = bytesPerReplica(model, gnc, s, grid);
        if (bytes > budgetBytes) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "splitting needs %s per replica (%d particles x %,d %s at %s) but the budget is %s: lower"
                            + " particles, width or depth", size(bytes), s.particles(), size, what, shape,
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
