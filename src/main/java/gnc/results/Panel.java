package gnc.results;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One panel of a figure (docs/science.md §5): its title (the activation), what the x axis sweeps, and
 * the points to draw, at most one per (method, x).
 */
public record Panel(String title, PanelAxis axis, List<PanelPoint> points) {

    public Panel {
        if (title == null) {
            throw new IllegalArgumentException("panel title is required");
        }
        if (axis == null) {
            throw new IllegalArgumentException("panel x axis is required");
        }
        points = List.copyOf(points);
        Set<String> seen = new HashSet<>();
        for (PanelPoint p : points) {
            if (!seen.add(p.method() + "@" + p.x())) {
                throw new IllegalArgumentException("panel has two points for method " + p.method() + " at "
                        + axis.specName() + " " + p.x());
            }
        }
    }
}
