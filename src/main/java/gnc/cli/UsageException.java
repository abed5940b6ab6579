package gnc.cli;

/** A command line that cannot be run; the message says what is wrong and what is allowed. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
