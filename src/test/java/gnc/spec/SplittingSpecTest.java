package gnc.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gnc.kernel.splitting.EpsGrid;
import org.junit.jupiter.api.Test;

/** The splitting and curve sections: defaults, refusals in one line, stream keys, the grid. */
class SplittingSpecTest {
    private static final String SPLITTING = "gnc.methods=[\"gnc\", \"splitting\"]";

    private static String message(String... edits) {
        return assertThrows(SpecException.class, () -> SpecParser.parse(Specs.edited(edits), "x")).getMessage();
    }

    @Test
    void absentSectionsTakeTheirDefaultsAndRoundTrip() {
        JobSpec s = SpecParser.parse(Specs.edited(SPLITTING), "x");
        assertEquals(16, s.splitting().replicas());
        assertEquals(200, s.splitting().settings().particles());
        assertEquals(0.1, s.splitting().settings().killFraction());
        assertEquals(5, s.splitting().settings().movesPerRung());
        assertEquals(50, s.splitting().settings().pilotParticles());
        assertEquals(CurveSpec.DEFAULT, s.curve());
        assertEquals(s, SpecParser.parse(SpecJson.write(s), "x"));
        assertNull(SpecParser.parse(Specs.VALID, "x").splitting());
        assertTrue(!SpecJson.write(SpecParser.parse(Specs.VALID, "x")).contains("curve"),
                "a plain spec at the curve's defaults writes no curve section (its hash is unchanged)");
    }

    @Test
    void badFieldsAreOneLineNamingTheField() {
        assertEquals("splitting.particles must be an integer in 2..1e7, got 1",
                message(SPLITTING, "splitting={\"particles\": 1}"));
        assertEquals("splitting.kill_fraction must be a number in (0, 0.5], got 0.6",
                message(SPLITTING, "splitting={\"kill_fraction\": 0.6}"));
        assertTrue(message(SPLITTING, "splitting={\"movez\": 3}").startsWith("unknown field splitting.movez"));
        assertEquals("splitting.replicas must be an integer in 2..100000, got 1",
                message(SPLITTING, "splitting={\"replicas\": 1}"));
    }

    /** 1e7 particles x 2.1e8 reduced parameters cannot be one Java array: refused before anything runs. */
    @Test
    void shapesTooLargeToHoldAreRefusedNamingTheFields() {
        String m = message(SPLITTING, "sweep={\"widths\": [4096], \"depth\": 1000}",
                "splitting={\"particles\": 10000000}");
        assertTrue(m.startsWith("splitting cannot hold 10000000 particles"), m);
        assertTrue(m.endsWith("lower splitting.particles, or the sweep's widths or depths"), m);
        assertTrue(!m.contains("\n"));
    }

    @Test
    void theStreamKeyLeavesOutTheBlockSizeButNotTheSpace() {
        JobSpec a = SpecParser.parse(Specs.edited(SPLITTING), "x");
        JobSpec b = SpecParser.parse(Specs.edited(SPLITTING, "gnc.block_size=500"), "x");
        JobSpec direct = SpecParser.parse(Specs.edited(SPLITTING, "gnc.sampler=\"direct\""), "x");
        SweepPoint p = new SweepPoint(5, 2);
        assertEquals(a.splittingKey(p), b.splittingKey(p));
        // Width 5 = cols moves in the full weights under auto, as under direct: the same stream.
        assertEquals(a.splittingKey(p), direct.splittingKey(p));
        JobSpec wide = SpecParser.parse(Specs.edited(SPLITTING, "sweep={\"widths\": [10], \"depth\": 2}"), "x");
        JobSpec wideDirect = SpecParser.parse(Specs.edited(SPLITTING, "sweep={\"widths\": [10], \"depth\": 2}",
                "gnc.sampler=\"direct\""), "x");
        SweepPoint q = new SweepPoint(10, 2);
        assertNotEquals(wide.splittingKey(q), wideDirect.splittingKey(q));
    }

    /** The default grid: the prior's level (6/25 for the Gaussian depth-2 prior) through eps 0.1 down to 0.001. */
    @Test
    void theCurveGridDefaultsToThePriorsLevelDownToAHundredthOfEps() {
        JobSpec s = SpecParser.parse(Specs.VALID, "x");
        EpsGrid g = s.curveGrid(new SweepPoint(5, 2));
        assertEquals(EpsGrid.around(0.1, 6.0 / 25, 4), g);
        assertEquals(0.1 * StrictMath.pow(10, 0.5), g.epsMax(), 0.0);
        JobSpec given = SpecParser.parse(Specs.edited("curve={\"eps_min\": 1e-4, \"points_per_decade\": 2}"), "x");
        assertEquals(EpsGrid.anchored(0.1, 6.0 / 25, 1e-4, 2), given.curveGrid(new SweepPoint(5, 2)));
    }
}
