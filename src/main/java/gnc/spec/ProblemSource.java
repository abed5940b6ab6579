package gnc.spec;

import gnc.kernel.ProblemGenerator;
import gnc.kernel.ProblemInstance;
import gnc.kernel.ProblemSettings;
import gnc.kernel.Streams;
import java.io.Serializable;

/** Where a job's data sets come from: drawn from a problem family, or read from a problem file. */
public record ProblemSource(ProblemSettings generated, ProblemFile file) implements Serializable {

    public ProblemSource {
        if ((generated == null) == (file == null)) {
            throw new IllegalArgumentException("exactly one of generated settings and file");
        }
    }

    public static ProblemSource of(ProblemSettings settings) {
        return new ProblemSource(settings, null);
    }

    public static ProblemSource of(ProblemFile file) {
        return new ProblemSource(null, file);
    }

    public int rows() {
        return generated != null ? generated.rows() : file.rows();
    }

    public int cols() {
        return generated != null ? generated.cols() : file.cols();
    }

    public int measurements() {
        return generated != null ? generated.measurements() : file.measurements();
    }

    /**
     * The key of the data sets: seed s's instance is a function of (dataKey, s) alone, so it is
     * the same at every point of a sweep and in every job on the same problem family or file.
     */
    public long dataKey() {
        return generated != null ? Streams.key("gnc-data-v1|" + SpecJson.problemText(generated))
                : Streams.key("gnc-data-file-v1|" + file.sha256());
    }

    /** Seed s's problem instance. */
    public ProblemInstance instance(int seed) {
        return generated != null ? ProblemGenerator.generate(generated, Streams.stream(dataKey(), seed))
                : file.instances().get(seed);
    }

    /** e.g. "5x5 rank 1, 15 Gaussian measurements" or "problem file /data/p.json". */
    public String describe() {
        return generated != null
                ? rows() + "x" + cols() + " rank " + generated.rank() + ", " + measurements()
                    + (generated.completion() ? " one-hot" : " Gaussian") + " measurements"
                : "problem file " + file.path();
    }
}
