package gnc.cli;

import gnc.job.GncJob;
import gnc.job.RunDirectory;
import gnc.results.CurveTable;
import gnc.results.SummaryTable;
import gnc.spec.JobFields;
import gnc.spec.JobSpec;
import gnc.spec.Overrides;
import gnc.spec.SpecParser;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * {@code gnc run SPEC [--master URL] [--run-dir DIR] [--draws N] [--epochs N] [--seeds N] [--partitions N]
 * [--plan]}; with --plan only the plan is printed (units, tasks, rough CPU time) and nothing is run or written.
 */
final class RunCommand {
    static final String USAGE = "run SPEC [--master URL] [--run-dir DIR] [--draws N] [--epochs N] [--seeds N]"
            + " [--partitions N] [--plan]";
    private static final Set<String> OPTIONS = Set.of("--master", "--run-dir", "--draws", "--epochs", "--seeds",
            "--partitions");
    /** Options that change the spec, recorded in the manifest. */
    private static final List<String> OVERRIDES = List.of("--draws", "--epochs", "--seeds");

    private RunCommand() {
    }

    /** Everything a run needs, validated before Spark starts. */
    record Plan(JobSpec spec, String runDir, String master, int partitions, String specText, String overrides,
                boolean planOnly) {
    }

    static Plan plan(List<String> args) {
        Options o = new Options(args, OPTIONS, Set.of("--plan"));
        if (o.positional().size() != 1) {
            throw new UsageException("run takes exactly one spec file, got " + o.positional().size()
                    + " arguments: usage: gnc " + USAGE);
        }
        Path specFile = Path.of(o.positional().get(0));
        // Command line over job file over defaults: the overrides go into the spec before it is validated.
        Overrides overrides = new Overrides(o.integer("--draws", 1, JobFields.DRAWS.max()),
                o.integer("--epochs", 1, JobFields.EPOCH_COUNT.max()), o.integer("--seeds", 1, JobFields.SEEDS.max()));
        JobSpec spec = SpecParser.parse(specFile, overrides);
        Long partitions = o.integer("--partitions", 1, 1_000_000);
        String runDir = o.string("--run-dir") != null ? o.string("--run-dir")
                : Path.of("runs", spec.name() + "-" + spec.shortHash()).toString();
        return new Plan(spec, runDir, o.string("--master"), partitions == null ? 0 : partitions.intValue(),
                readQuietly(specFile), o.given(OVERRIDES), o.flag("--plan"));
    }

    private static String readQuietly(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            return null; // parsing it just succeeded; a race at worst loses the manifest's copy
        }
    }

    static int run(List<String> args, PrintStream out) {
        Plan p = plan(args);
        if (p.planOnly()) {
            printPlan(p.spec(), out);
            return Main.OK;
        }
        long start = System.nanoTime();
        try (Sessions.Session session = Sessions.open("gnc run " + p.spec().name(), p.master())) {
            SparkSession spark = session.spark();
            RunDirectory dir = RunDirectory.at(p.runDir(), spark.sparkContext().hadoopConfiguration());
            GncJob.Result r;
            try (ProgressDisplay display = ProgressDisplay.forTerminal()) {
                r = GncJob.run(spark, p.spec(), dir, new GncJob.Options(p.partitions(), p.specText(), p.overrides(),
                        display, display.periodMillis()));
            }
            TrialsReport.print(spark.read().parquet(dir.table(SummaryTable.NAME)).collectAsList(), out);
            if (dir.hasTable(CurveTable.NAME)) {
                FlaggedReport.print(spark.read().parquet(dir.table(CurveTable.NAME)), out);
            }
            out.printf("%d units (%d computed now in %d tasks), %d trials in %.1f s%n", r.units(), r.computedUnits(),
                    r.tasks(), r.trials(),
                    (System.nanoTime() - start) / 1e9);
            out.println("run directory: " + r.runDirectory());
            return Main.OK;
        }
    }

    /** The plan of a run into an empty directory, tasks sized for this machine's cores. */
    private static void printPlan(JobSpec spec, PrintStream out) {
        int cores = Runtime.getRuntime().availableProcessors();
        long units = 0;
        long tasks = 0;
        double seconds = 0;
        out.printf("%-8s %14s %10s %16s%n", "method", "units", "tasks", "cpu_hours_rough");
        for (GncJob.PlanLine l : GncJob.plan(spec, cores)) {
            out.printf(java.util.Locale.ROOT, "%-8s %14d %10d %16.2f%n", l.method(), l.units(), l.tasks(),
                    l.cpuSeconds() / 3600);
            units += l.units();
            tasks += l.tasks();
            seconds += l.cpuSeconds();
        }
        out.printf(java.util.Locale.ROOT, "%d units in %d tasks (one unit file each, tasks sized for %d cores), about"
                + " %.1f CPU hours by a rough cost model; nothing was run or written%n", units, tasks, cores,
                seconds / 3600);
    }
}
