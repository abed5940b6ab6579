package gnc.job;

import gnc.estimator.Estimator;
import gnc.estimator.gd.GdEstimator;
import gnc.estimator.plain.PlainGnc;
import gnc.estimator.splitting.SplittingEstimator;
import gnc.estimator.subset.SubsetEstimator;
import gnc.spec.JobSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The registered estimators: each is built for a spec, or declines (null) when the spec does not
 * run it. Adding an estimator is adding its line here. The order is the order their units enter a
 * trial's Spark job: GD first, so its single long task starts while the trial's many short ones
 * queue behind it.
 */
final class Estimators {
    private static final List<Function<JobSpec, Estimator>> REGISTERED = List.of(
            GdEstimator::forSpec,
            SubsetEstimator::forSpec,
            SplittingEstimator::forSpec,
            PlainGnc::forSpec);

    private Estimators() {
    }

    /** The estimators spec runs, in registration order. */
    static List<Estimator> of(JobSpec spec) {
        List<Estimator> out = new ArrayList<>();
        REGISTERED.stream().map(f -> f.apply(spec)).filter(Objects::nonNull).forEach(out::add);
        return out;
    }
}
