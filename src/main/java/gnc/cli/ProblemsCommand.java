package gnc.cli;

import gnc.kernel.ProblemInstance;
import gnc.spec.JobFields;
import gnc.spec.JobSpec;
import gnc.spec.Overrides;
import gnc.spec.ProblemFile;
import gnc.spec.SpecParser;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code gnc problems SPEC --out FILE}: writes the data sets a spec's seeds use (ground truth,
 * measurements and test basis) as a problem file, JSON or CSV by FILE's extension: a template for
 * problem files of one's own, and a record of what a run measured against.
 */
final class ProblemsCommand {
    static final String USAGE = "problems SPEC --out FILE.json|FILE.csv [--seeds N]";
    private static final Set<String> OPTIONS = Set.of("--out", "--seeds");

    private ProblemsCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        Options o = new Options(args, OPTIONS);
        if (o.positional().size() != 1 || o.string("--out") == null) {
            throw new UsageException("usage: gnc " + USAGE);
        }
        Long seeds = o.integer("--seeds", 1, JobFields.SEEDS.max());
        JobSpec spec = SpecParser.parse(Path.of(o.positional().get(0)), Overrides.seeds(seeds));
        List<ProblemInstance> instances = new ArrayList<>();
        for (int s = 0; s < spec.seeds(); s++) {
            instances.add(spec.problem().instance(s));
        }
        Path file = Path.of(o.string("--out"));
        try {
            ProblemFile.write(instances, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        out.println("wrote " + instances.size() + " problem instances to " + file);
        return Main.OK;
    }
}
