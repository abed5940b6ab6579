package gnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GdBenchCommandTest {
    @Test
    void printsOneLinePerShapeForScripts() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = GdBenchCommand.run(List.of("--seconds", "1", "--activation", "tanh"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(Main.OK, code);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        String[] shapes = {"depth=2 width=5", "depth=2 width=20", "depth=2 width=80", "depth=2 width=160",
            "depth=6 width=5", "depth=10 width=5"};
        assertEquals(shapes.length, lines.length);
        for (int i = 0; i < shapes.length; i++) {
            assertTrue(lines[i].matches("method=gd " + shapes[i] + " activation=tanh epochs_per_s=[1-9][0-9]* epochs_per_cpu_s=[1-9][0-9]*"),
                    lines[i]);
        }
    }

    @Test
    void badArgumentsAreUsageErrors() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals("--activation must be one of linear, tanh, leaky_relu, got \"relu\"",
                assertThrows(UsageException.class, () -> GdBenchCommand.run(List.of("--activation", "relu"), sink))
                        .getMessage());
        assertEquals("--seconds must be an integer in 1..600, got \"0\"",
                assertThrows(UsageException.class, () -> GdBenchCommand.run(List.of("--seconds", "0"), sink))
                        .getMessage());
        assertTrue(assertThrows(UsageException.class, () -> GdBenchCommand.run(List.of("x"), sink))
                .getMessage().startsWith("bench-gd takes no positional arguments"));
    }
}
