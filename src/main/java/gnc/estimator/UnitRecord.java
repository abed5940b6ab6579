package gnc.estimator;

/**
 * What an estimator computes for one unit: a Java record whose components are the columns of its
 * table row after the trial key (see {@link RecordSchema}). The progress line counts plain G&C
 * draws and acceptances; records of other estimators report none.
 */
public interface UnitRecord {
    /** Plain G&C draws the unit made. */
    default long draws() {
        return 0;
    }

    /** Plain G&C draws the unit accepted. */
    default long accepted() {
        return 0;
    }
}
