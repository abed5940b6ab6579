package gnc.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import gnc.kernel.ProblemInstance;
import gnc.spec.SpecParser;
import gnc.spec.Specs;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A seed's data set is the same at every point of a sweep and in every job on that problem. */
class ProblemsTest {
    @Test
    void aSeedsDataSetIgnoresEverythingButTheProblem() {
        ProblemInstance[] widths = Problems.generate(SpecParser.parse(Specs.VALID, "x"));
        ProblemInstance[] depths = Problems.generate(SpecParser.parse(Specs.edited(
                "sweep={\"depths\": [2, 7], \"width\": 80}", "model.activation=\"tanh\"", "gnc.prior=\"unif\"",
                "gnc.eps=0.001", "gnc.draws=7", "seeds=5"), "y"));
        for (int s = 0; s < widths.length; s++) {
            assertArrayEquals(widths[s].groundTruth(), depths[s].groundTruth());
            assertArrayEquals(widths[s].measurements(), depths[s].measurements());
            assertArrayEquals(widths[s].testBasis(), depths[s].testBasis());
        }
        assertFalse(Arrays.equals(widths[0].groundTruth(), widths[1].groundTruth()), "seeds differ");
    }
}
