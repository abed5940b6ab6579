package gnc.job;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The units one task computes and writes into one unit file: segments of one estimator, in plan
 * order. Its file name is fixed when it is planned, so a retried task writes the same file.
 */
final class Batch implements Serializable {
    private static final long serialVersionUID = 1L;

    final String method;
    final String fileName;
    final ArrayList<Segment> segments;

    Batch(String method, String fileName, List<Segment> segments) {
        this.method = method;
        this.fileName = fileName;
        this.segments = new ArrayList<>(segments);
    }

    int units() {
        return segments.stream().mapToInt(Segment::size).sum();
    }
}
