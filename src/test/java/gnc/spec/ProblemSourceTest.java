package gnc.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import gnc.kernel.ProblemInstance;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A seed's data set is the same at every point of a sweep and in every job on that problem. */
class ProblemSourceTest {
    @Test
    void aSeedsDataSetIgnoresEverythingButTheProblem() {
        JobSpec widths = SpecParser.parse(Specs.VALID, "x");
        JobSpec depths = SpecParser.parse(Specs.edited("sweep={\"depths\": [2, 7], \"width\": 80}",
                "model.activation=\"tanh\"", "gnc.prior=\"unif\"", "gnc.eps=0.001", "gnc.draws=7", "seeds=5"), "y");
        for (int s = 0; s < widths.seeds(); s++) {
            ProblemInstance a = widths.problem().instance(s);
            ProblemInstance b = depths.problem().instance(s);
            assertArrayEquals(a.groundTruth(), b.groundTruth());
            assertArrayEquals(a.measurements(), b.measurements());
            assertArrayEquals(a.testBasis(), b.testBasis());
        }
        assertFalse(Arrays.equals(widths.problem().instance(0).groundTruth(), widths.problem().instance(1).groundTruth()),
                "seeds differ");
    }
}
