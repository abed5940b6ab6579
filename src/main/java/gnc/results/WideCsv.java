package gnc.results;

import gnc.spec.AuthorsConfig;
import gnc.spec.JobSpec;
import gnc.spec.Sweep;
import gnc.spec.SweepPoint;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * A run in the wide CSV layout the authors' code writes (width_experiments.py,
 * depth_experiments.py in github YoniSlutzky98/nn-gd-gen-mf), for side-by-side comparison with
 * their results: one row per point in sweep order; width sweeps have the columns {@code width},
 * then per seed s {@code gnc_gen_seed=s}, {@code prior_gen_seed=s}, {@code gd_gen_seed=s};
 * depth sweeps {@code depth}, then per seed {@code gnc_gen_seed=s}, {@code gd_gen_seed=s}.
 *
 * <p>Values are trials.gnc_mean, trials.prior_mean and gd.gen_loss, written as Python writes
 * floats. A missing value (G&C accepted nothing; the spec runs no GD) is an empty field, where
 * the authors' code writes 1 for a G&C mean without acceptances. The sweep value is written
 * as an integer (theirs reads "5.0").
 */
public final class WideCsv {
    private WideCsv() {
    }

    /**
     * The CSV text.
     *
     * @param trials the run's trials table (rows of other methods than gnc are ignored)
     * @param gd     the run's gd table, or an empty list when the spec runs no GD
     */
    public static String of(JobSpec spec, List<Row> trials, List<Row> gd) {
        boolean widths = spec.sweep().axis() == Sweep.Axis.WIDTH;
        Map<String, Double> gnc = new HashMap<>();
        Map<String, Double> prior = new HashMap<>();
        Map<String, Double> gdLoss = new HashMap<>();
        for (Row r : trials) {
            if (r.<String>getAs("method").equals("gnc")) {
                gnc.put(key(r), r.getAs("gnc_mean"));
                prior.put(key(r), r.getAs("prior_mean"));
            }
        }
        for (Row r : gd) {
            gdLoss.put(key(r), r.getAs("gen_loss"));
        }
        StringBuilder out = new StringBuilder(widths ? "width" : "depth");
        for (int s = 0; s < spec.seeds(); s++) {
            out.append(",gnc_gen_seed=").append(s);
            if (widths) {
                out.append(",prior_gen_seed=").append(s);
            }
            out.append(",gd_gen_seed=").append(s);
        }
        out.append('\n');
        for (SweepPoint p : spec.sweep().points()) {
            out.append(widths ? p.width() : p.depth());
            for (int s = 0; s < spec.seeds(); s++) {
                String k = p.width() + "/" + p.depth() + "/" + s;
                out.append(',').append(field(gnc.get(k)));
                if (widths) {
                    out.append(',').append(field(prior.get(k)));
                }
                out.append(',').append(field(gdLoss.get(k)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * The name the authors' code gives this CSV (their filename_extensions): e.g.
     * {@code width_results_gt_rank=1_act=LeakyReLU_gnc_init=gauss_gd_momentum=0.9_completion.csv}.
     * Their names leave normalization out, so figure 11's name is figure 2's.
     *
     * @throws IllegalArgumentException for a run on a problem file, which has no ground-truth rank
     */
    public static String fileName(JobSpec spec) {
        if (spec.problem().generated() == null) {
            throw new IllegalArgumentException("the run's data sets come from a problem file, which has no gt_rank for"
                    + " the authors' file name: give --out");
        }
        StringBuilder name = new StringBuilder(spec.sweep().axis() == Sweep.Axis.WIDTH ? "width" : "depth")
                .append("_results_gt_rank=").append(spec.problem().generated().rank())
                .append("_act=").append(AuthorsConfig.activationName(spec.activation().kind()).replace(" ", ""))
                .append("_gnc_init=").append(spec.gnc().sampling().prior().specName());
        double momentum = spec.gd() == null ? 0.0 : spec.gd().momentum();
        if (momentum != 0) {
            name.append("_gd_momentum=").append(pythonFloat(momentum));
        }
        if (spec.problem().generated().completion()) {
            name.append("_completion");
        }
        return name.append(".csv").toString();
    }

    /**
     * A double as Python's repr writes it: positional between 1e-4 and 1e16 (always with a
     * fraction, "5.0"), else scientific with a two-digit exponent ("1e-05"); nan, inf.
     */
    static String pythonFloat(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return 1 / x < 0 ? "-0.0" : "0.0";
        }
        String sign = x < 0 ? "-" : "";
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(x))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exponent = digits.length() - 1 - d.scale();
        if (exponent >= -4 && exponent < 16) {
            String plain = d.toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }

    private static String field(Double v) {
        return v == null ? "" : pythonFloat(v);
    }

    private static String key(Row r) {
        return r.<Integer>getAs("width") + "/" + r.<Integer>getAs("depth") + "/" + r.<Integer>getAs("seed");
    }
}
