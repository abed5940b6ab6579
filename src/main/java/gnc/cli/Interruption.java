package gnc.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) or SIGTERM during a run: one line saying what is kept, in place of Spark's
 * shutdown chatter and the stack trace of the job that stopping Spark cancels. Every finished
 * unit is already saved, so the same command resumes. The JVM then exits as a signal's default
 * handler makes it, with 128 + the signal's number (130, 143).
 */
final class Interruption {
    static final String MESSAGE = "gnc: interrupted; finished units are kept: run the same command to resume";
    private static volatile boolean happened;

    private Interruption() {
    }

    /**
     * Handles SIGINT and SIGTERM from now on, except a signal this process ignores (a job started
     * in the background by a script, or under nohup, keeps ignoring it).
     */
    static void handleSignals(PrintStream err) {
        for (String name : List.of("INT", "TERM")) {
            Signal signal = new Signal(name);
            SignalHandler previous = Signal.handle(signal, s -> interrupted(s, err));
            if (previous == SignalHandler.SIG_IGN) {
                Signal.handle(signal, SignalHandler.SIG_IGN);
            }
        }
    }

    /** Whether a signal ended the command: its failure (Spark stopped under it) is then not reported. */
    static boolean happened() {
        return happened;
    }

    private static void interrupted(Signal s, PrintStream err) {
        if (!happened) {
            happened = true;
            // Shutdown hooks (Spark's among them) log at every level as they stop things.
            Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.OFF);
            err.println(System.console() != null ? System.lineSeparator() + MESSAGE : MESSAGE); // below ^C
            err.flush();
            // Threads still running print straight to System.err as the JVM stops (Scala's
            // futures print the RejectedExecutionException of a pool already shut down): the
            // line above is the last one.
            System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        }
        System.exit(128 + s.getNumber());
    }
}
