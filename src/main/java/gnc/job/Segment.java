package gnc.job;

import java.io.Serializable;

/**
 * A run of consecutive units of one estimator in one (point, seed) trial: indexes
 * [from, to). A plain class, not a record: Spark ships segments with Kryo, which cannot build a
 * field serializer for records.
 */
final class Segment implements Serializable {
    private static final long serialVersionUID = 1L;

    final String method;
    final int width;
    final int depth;
    final int seed;
    final int from;
    final int to;

    Segment(String method, int width, int depth, int seed, int from, int to) {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("a segment needs 0 <= from < to, got [" + from + ", " + to + ")");
        }
        this.method = method;
        this.width = width;
        this.depth = depth;
        this.seed = seed;
        this.from = from;
        this.to = to;
    }

    int size() {
        return to - from;
    }

    /** The (method, point, seed) trial the segment belongs to. */
    String trial() {
        return method + "/" + width + "/" + depth + "/" + seed;
    }

    @Override
    public String toString() {
        return trial() + "[" + from + "," + to + ")";
    }
}
