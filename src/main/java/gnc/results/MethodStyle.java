package gnc.results;

import java.awt.Color;
import java.awt.Polygon;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * How a method is drawn: legend label, colour and marker. The known methods come first in a fixed
 * order and style (GD, Prior, G&C, then subset simulation and splitting), so every figure reads the same; any
 * other method follows in name order with the next colour of a fixed palette.
 */
public record MethodStyle(String method, String label, Color colour, Shape marker) {
    private static final double R = 4.5;
    private static final List<MethodStyle> KNOWN = List.of(
            new MethodStyle("gd", "GD", new Color(0x1F77B4), circle()),
            new MethodStyle("prior", "Prior", new Color(0xFF7F0E), square()),
            new MethodStyle("gnc", "G&C", new Color(0xD62728), triangle()),
            new MethodStyle("subset", "Subset", new Color(0x2CA02C), diamond()),
            new MethodStyle("splitting", "Splitting", new Color(0x9467BD), diamond()));
    private static final Color[] OTHER_COLOURS = {
        new Color(0x8C564B), new Color(0xE377C2), new Color(0x17BECF), new Color(0xBCBD22)};

    /** Styles for the given methods, in drawing (and legend) order. */
    public static List<MethodStyle> forMethods(Collection<String> methods) {
        List<MethodStyle> out = new ArrayList<>();
        for (MethodStyle s : KNOWN) {
            if (methods.contains(s.method)) {
                out.add(s);
            }
        }
        int next = 0;
        for (String m : new TreeSet<>(methods)) {
            if (KNOWN.stream().noneMatch(s -> s.method.equals(m))) {
                out.add(new MethodStyle(m, m, OTHER_COLOURS[next % OTHER_COLOURS.length], circle()));
                next++;
            }
        }
        return out;
    }

    private static Shape circle() {
        return new Ellipse2D.Double(-R, -R, 2 * R, 2 * R);
    }

    private static Shape square() {
        return new Rectangle2D.Double(-R * 0.9, -R * 0.9, 1.8 * R, 1.8 * R);
    }

    private static Shape triangle() {
        return new Polygon(new int[] {0, 5, -5}, new int[] {-5, 4, 4}, 3);
    }

    private static Shape diamond() {
        return new Polygon(new int[] {0, 5, 0, -5}, new int[] {-5, 0, 5, 0}, 4);
    }
}
