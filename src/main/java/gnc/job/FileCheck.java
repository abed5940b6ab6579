package gnc.job;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What checking one unit file found: why it is damaged (null when it is whole and its own), and
 * the runs of units in it that this run's spec wants, in file order.
 */
final class FileCheck implements Serializable {
    private static final long serialVersionUID = 1L;

    final String name;
    final String damage;
    final ArrayList<Segment> wanted;

    FileCheck(String name, String damage, List<Segment> wanted) {
        this.name = name;
        this.damage = damage;
        this.wanted = new ArrayList<>(wanted);
    }
}
