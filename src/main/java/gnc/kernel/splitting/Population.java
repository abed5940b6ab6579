package gnc.kernel.splitting;

import java.util.SplittableRandom;

/**
 * The particles of a splitting run in preallocated arrays (capacity fixed at construction; the
 * pilot uses a prefix): prior draws, the kill-and-copy step and MCMC sweeps. Allocates nothing
 * after construction. One instance per thread.
 */
final class Population {
    private final ConstrainedPrior prior;
    private final int stride;
    private final double[] states;
    private final double[] train;
    private final double[] gen;
    private final int[] survivors;
    private final int[] killed;
    private int count;

    Population(ConstrainedPrior prior, int capacity) {
        this.prior = prior;
        this.stride = prior.stateSize();
        long doubles = (long) capacity * stride;
        if (doubles > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(capacity + " particles x " + stride
                    + " doubles per state do not fit one Java array: lower particles, width or depth");
        }
        this.states = new double[(int) doubles];
        this.train = new double[capacity];
        this.gen = new double[capacity];
        this.survivors = new int[capacity];
        this.killed = new int[capacity];
    }

    /** Replaces the population by count fresh prior draws, in index order. */
    void drawPrior(SplittableRandom rng, int count) {
        this.count = count;
        for (int i = 0; i < count; i++) {
            prior.drawPrior(rng, states, train, gen, i);
        }
    }

    int count() {
        return count;
    }

    /** The largest L_train. */
    double maxTrain() {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, train[i]);
        }
        return max;
    }

    /** The k-th largest L_train (1 &lt;= k &lt;= count), by selection on a copy. */
    double kthLargestTrain(int k, double[] scratch) {
        System.arraycopy(train, 0, scratch, 0, count);
        java.util.Arrays.sort(scratch, 0, count);
        return scratch[count - k];
    }

    /**
     * Kills every particle with L_train &gt;= level and replaces each by a copy of a survivor
     * (L_train &lt; level) chosen uniformly and independently from rng, in index order. Returns
     * the number killed; when every particle is at or above the level nothing changes and count()
     * is returned.
     */
    int killFrom(double level, SplittableRandom rng) {
        int alive = 0;
        int dead = 0;
        for (int i = 0; i < count; i++) {
            if (train[i] < level) {
                survivors[alive++] = i;
            } else {
                killed[dead++] = i;
            }
        }
        if (alive == 0) {
            return count;
        }
        for (int d = 0; d < dead; d++) {
            int to = killed[d];
            int from = survivors[rng.nextInt(alive)];
            System.arraycopy(states, from * stride, states, to * stride, stride);
            train[to] = train[from];
            gen[to] = gen[from];
        }
        return dead;
    }

    /** moves MCMC steps of every particle under L_train &lt; level ({@link ConstrainedPrior#sweep}); returns the accepted. */
    long sweep(SplittableRandom rng, double level, double rho, int moves) {
        return prior.sweep(rng, states, train, gen, count, level, rho, moves);
    }

    /** The sum of L_gen over the particles, in index order. */
    double genSum() {
        double s = 0;
        for (int i = 0; i < count; i++) {
            s += gen[i];
        }
        return s;
    }
}
