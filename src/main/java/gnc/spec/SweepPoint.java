package gnc.spec;

import java.io.Serializable;

/** One point of a sweep: the width and depth of the factorization there. */
public record SweepPoint(int width, int depth) implements Serializable {
}
