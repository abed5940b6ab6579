package gnc.job;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The units a table build reads from one unit file: segments of one estimator. */
final class FileTake implements Serializable {
    private static final long serialVersionUID = 1L;

    final String name;
    final String method;
    final ArrayList<Segment> segments;

    FileTake(String name, String method, List<Segment> segments) {
        this.name = name;
        this.method = method;
        this.segments = new ArrayList<>(segments);
    }

    boolean takes(PlannedUnits.Key k) {
        for (Segment s : segments) {
            if (s.width == k.width() && s.depth == k.depth() && s.seed == k.seed() && k.index() >= s.from
                    && k.index() < s.to) {
                return true;
            }
        }
        return false;
    }
}
