package gnc.spec;

import java.io.Serializable;

/**
 * The eps grid of a job's curve table (docs/curves.md): anchored at gnc.eps, every
 * 1/pointsPerDecade decade from epsMax (null: the prior's level at the point) down to epsMin
 * (null: gnc.eps / 100).
 */
public record CurveSpec(Double epsMax, Double epsMin, int pointsPerDecade) implements Serializable {
    /** Every field at its default. */
    static final CurveSpec DEFAULT = new CurveSpec(null, null, JobFields.POINTS_PER_DECADE.fallback().intValue());
}
