package gnc.job;

/** Test access to RunDirectory's package-private checks. */
public final class RunDirectoryAccess {
    private RunDirectoryAccess() {
    }

    public static String spaceProblem(long needed, long free) {
        return RunDirectory.spaceProblem(needed, free);
    }
}
