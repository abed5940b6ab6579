package gnc.estimator.gd;

import gnc.estimator.UnitRecord;

/**
 * One gradient-descent run (docs/science.md §4): its hyper-parameters, L_train and L_gen after the
 * last epoch, and the run's wall seconds (a measurement: it differs between two runs of a spec).
 */
public record GdRecord(double lr, double initScale, double momentum, long epochs, double trainLoss, double genLoss,
                       double seconds) implements UnitRecord {
}
