package gnc.spec;

import gnc.kernel.GdSettings;
import java.io.Serializable;
import java.util.List;

/**
 * The gradient-descent baseline of a job (docs/science.md §4): one run per (point, seed). Learning
 * rates, epochs and init scales hold one value for every point or one per point of the sweep,
 * in the sweep's order, as the authors' configs do.
 */
public record GdSpec(List<Double> learningRates, List<Long> epochs, List<Double> initScales, double momentum)
        implements Serializable {

    public GdSpec {
        learningRates = List.copyOf(learningRates);
        epochs = List.copyOf(epochs);
        initScales = List.copyOf(initScales);
    }

    /** The kernel's settings at the point with the given index in the sweep. */
    public GdSettings settings(int pointIndex) {
        return new GdSettings(at(learningRates, pointIndex), at(epochs, pointIndex), at(initScales, pointIndex),
                momentum);
    }

    private static <T> T at(List<T> values, int i) {
        return values.size() == 1 ? values.get(0) : values.get(i);
    }
}
