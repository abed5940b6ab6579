package gnc.kernel;

import java.io.Serializable;

/** What one gradient-descent run reports (docs/science.md §4): L_train and L_gen after its last epoch. */
public record GdResult(double trainLoss, double genLoss, long epochs) implements Serializable {
}
