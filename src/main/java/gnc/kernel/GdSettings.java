package gnc.kernel;

import java.io.Serializable;

/**
 * Hyper-parameters of the gradient-descent baseline (docs/science.md §4): the learning rate lr of the
 * adaptive step, the number of full-batch epochs, the init scale that multiplies the uniform
 * initialization, and the momentum mu (0 for plain steps).
 */
public record GdSettings(double learningRate, long epochs, double initScale, double momentum)
        implements Serializable {

    public GdSettings {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (!(initScale > 0) || Double.isInfinite(initScale)) {
            throw new IllegalArgumentException("init scale must be finite and > 0, got " + initScale);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
    }
}
