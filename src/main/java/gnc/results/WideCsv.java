package gnc.results;

import gnc.spec.AuthorsConfig;
import gnc.spec.GncSpec;
import gnc.spec.JobSpec;
import gnc.spec.Sweep;
import gnc.spec.SweepPoint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * the authors' code writes 1 for a G&C mean without acceptances; {@link #warnings} says which.
 * The sweep value is written as an integer (theirs reads "5.0"). A run without plain G&C, or
 * whose tables lack trials its spec plans, has no such file.
 */
public final class WideCsv {
    private WideCsv() {
    }

    /**
     * The CSV text.
     *
     * @param trials the run's trials table (rows of other methods than gnc are ignored)
     * @param gd     the run's gd table, or an empty list when the spec runs no GD
     * @throws IllegalArgumentException when the spec runs no plain G&C, or a trial it plans (a
     *                                  gnc row, a gd row when it runs GD) is not in the tables
     */
    public static String of(JobSpec spec, List<Row> trials, List<Row> gd) {
        if (!spec.gnc().runs(GncSpec.PLAIN)) {
            throw new IllegalArgumentException("the run has no plain G&C trials (gnc.methods is "
                    + spec.gnc().methods() + "), and the authors' layout holds plain G&C, prior and GD values only:"
                    + " query its trials table instead");
        }
        boolean widths = spec.sweep().axis() == Sweep.Axis.WIDTH;
        Map<String, Double> gnc = new HashMap<>();
        Map<String, Double> prior = new HashMap<>();
        Map<String, Double> gdLoss = new HashMap<>();
        for (Row r : trials) {
            if (r.<String>getAs("method").equals(GncSpec.PLAIN)) {
                gnc.put(key(r), r.getAs("gnc_mean"));
                prior.put(key(r), r.getAs("prior_mean"));
            }
        }
        for (Row r : gd) {
            gdLoss.put(key(r), r.getAs("gen_loss"));
        }
        requireEveryTrial(spec, prior.keySet(), "trials table has no plain G&C row");
        if (spec.gd() != null) {
            requireEveryTrial(spec, gdLoss.keySet(), "gd table has no row");
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

    /** Fails naming the planned trials (point, seed) whose key is not among present. */
    private static void requireEveryTrial(JobSpec spec, Set<String> present, String what) {
        List<String> missing = new ArrayList<>();
        for (SweepPoint p : spec.sweep().points()) {
            for (int s = 0; s < spec.seeds(); s++) {
                if (!present.contains(p.width() + "/" + p.depth() + "/" + s)) {
                    missing.add("width " + p.width() + " depth " + p.depth() + " seed " + s);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " for " + missing.get(0)
                    + (missing.size() > 1 ? " (and " + (missing.size() - 1) + " more)" : "") + " of the "
                    + spec.sweep().points().size() + " points x " + spec.seeds() + " seeds spec.json plans: "
                    + RunPanel.STALE_TABLES);
        }
    }

    /**
     * What the CSV leaves empty, one line each: the trials where G&C accepted nothing (their
     * gnc_gen fields), and every gd_gen field when the spec runs no GD.
     */
    public static List<String> warnings(JobSpec spec, List<Row> trials) {
        Set<String> withoutValue = new HashSet<>();
        for (Row r : trials) {
            if (r.<String>getAs("method").equals(GncSpec.PLAIN) && r.getAs("gnc_mean") == null) {
                withoutValue.add(key(r));
            }
        }
        boolean widths = spec.sweep().axis() == Sweep.Axis.WIDTH;
        List<String> where = new ArrayList<>();
        for (SweepPoint p : spec.sweep().points()) {
            List<String> seeds = new ArrayList<>();
            for (int s = 0; s < spec.seeds(); s++) {
                if (withoutValue.contains(p.width() + "/" + p.depth() + "/" + s)) {
                    seeds.add(String.valueOf(s));
                }
            }
            if (!seeds.isEmpty()) {
                where.add((widths ? "width " + p.width() : "depth " + p.depth()) + " seed"
                        + (seeds.size() > 1 ? "s " : " ") + String.join(", ", seeds));
            }
        }
        List<String> out = new ArrayList<>();
        if (!where.isEmpty()) {
            out.add("no G&C value (nothing accepted below eps " + spec.gnc().eps() + ") at " + String.join("; ", where)
                    + ": those gnc_gen fields are empty");
        }
        if (spec.gd() == null) {
            out.add("the spec runs no GD: every gd_gen field is empty");
        }
        return out;
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
