package gnc.kernel;

/**
 * What a block of G&C draws reports: counts, and sums and sums of squares of L_gen over all
 * draws (the prior baseline) and over accepted draws (the G&C result), and the smallest L_train
 * seen. Sums, not means, so that blocks add up exactly in any grouping.
 */
public final class BlockStats {
    private long draws;
    private long accepted;
    private double genSum;
    private double genSumSq;
    private double acceptedGenSum;
    private double acceptedGenSumSq;
    private double trainMin = Double.POSITIVE_INFINITY;

    /** Records one draw; it is accepted when trainLoss < eps. */
    public void add(double trainLoss, double genLoss, double eps) {
        draws++;
        genSum += genLoss;
        genSumSq += genLoss * genLoss;
        if (trainLoss < trainMin) {
            trainMin = trainLoss;
        }
        if (trainLoss < eps) {
            accepted++;
            acceptedGenSum += genLoss;
            acceptedGenSumSq += genLoss * genLoss;
        }
    }

    public long draws() {
        return draws;
    }

    public long accepted() {
        return accepted;
    }

    public double genSum() {
        return genSum;
    }

    public double genSumSq() {
        return genSumSq;
    }

    public double acceptedGenSum() {
        return acceptedGenSum;
    }

    public double acceptedGenSumSq() {
        return acceptedGenSumSq;
    }

    /** The smallest L_train over the block's draws (+infinity for an empty block). */
    public double trainMin() {
        return trainMin;
    }
}
