package gnc.spec;

import java.io.Serializable;
import java.util.List;

/**
 * A sweep over widths at a fixed depth (the paper's width figures) or over depths at a fixed
 * width (its depth figures). Points are identified by their (width, depth) values, never by
 * their position in the list, so adding a point leaves every other point's draws unchanged.
 */
public record Sweep(Axis axis, List<Integer> values, int fixed) implements Serializable {

    public enum Axis {
        WIDTH, DEPTH
    }

    public Sweep {
        values = List.copyOf(values);
    }

    public static Sweep widths(List<Integer> widths, int depth) {
        return new Sweep(Axis.WIDTH, widths, depth);
    }

    public static Sweep depths(List<Integer> depths, int width) {
        return new Sweep(Axis.DEPTH, depths, width);
    }

    public List<SweepPoint> points() {
        return values.stream()
                .map(v -> axis == Axis.WIDTH ? new SweepPoint(v, fixed) : new SweepPoint(fixed, v))
                .toList();
    }
}
