package gnc.cli;

import java.io.Console;
import java.io.PrintStream;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Where run progress goes: on a terminal, one line on stderr rewritten in place every two
 * seconds; otherwise (a log file, CI, spark-submit's driver log) a plain log line every 30 s.
 */
final class ProgressDisplay implements Consumer<String>, AutoCloseable {
    private static final Logger LOG = LogManager.getLogger("gnc.progress");

    private final PrintStream terminal;
    private boolean shown;

    private ProgressDisplay(PrintStream terminal) {
        this.terminal = terminal;
    }

    static ProgressDisplay forTerminal() {
        Console console = System.console();
        return new ProgressDisplay(console != null ? System.err : null);
    }

    long periodMillis() {
        return terminal != null ? 2_000 : 30_000;
    }

    @Override
    public synchronized void accept(String line) {
        if (terminal != null) {
            terminal.print("\r" + line + "\u001b[K");
            terminal.flush();
            shown = true;
        } else {
            LOG.info(line);
        }
    }

    @Override
    public synchronized void close() {
        if (shown) {
            terminal.println();
        }
    }
}
