package gnc.estimator.plain;

import gnc.kernel.GncSampler;
import java.util.ArrayList;
import java.util.List;

/** The first cap kept draws of a block, and how many there were in all. */
final class KeptDraws implements GncSampler.KeptDraws {
    private final int cap;
    private final List<BlockRecord.KeptDraw> rows = new ArrayList<>();
    private long count;

    KeptDraws(int cap) {
        this.cap = cap;
    }

    @Override
    public void keep(long index, double trainLoss, double genLoss, double norm) {
        count++;
        if (rows.size() < cap) {
            rows.add(new BlockRecord.KeptDraw(index, trainLoss, genLoss, norm));
        }
    }

    long count() {
        return count;
    }

    List<BlockRecord.KeptDraw> rows() {
        return rows;
    }
}
