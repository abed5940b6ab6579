package gnc.estimator.plain;

import gnc.estimator.UnitRecord;
import java.util.List;

/**
 * One block of plain G&C draws (the kernel's {@link gnc.kernel.BlockStats}): counts, and sums and
 * sums of squares of L_gen over all draws (the prior baseline) and over accepted draws
 * (L_train < eps, the G&C result), the smallest L_train, and the kept draws: every draw with
 * L_train < keepThreshold, at most keep_cap of them (the first in draw order), kept counting all.
 */
public record BlockRecord(double eps, long draws, long accepted, double genSum, double genSumsq, double genSumAccepted,
                          double genSumsqAccepted, double trainMin, double keepThreshold, long kept,
                          List<KeptDraw> keptDraws) implements UnitRecord {

    /** One kept draw: its index in the block, its losses and ||W||_F before normalization. */
    public record KeptDraw(long index, double trainLoss, double genLoss, double wNorm) {
    }
}
