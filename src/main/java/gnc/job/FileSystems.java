package gnc.job;

/** Why a location's Hadoop file system could not be loaded, in one line that says what to add. */
final class FileSystems {
    private FileSystems() {
    }

    static String missing(String scheme, Exception e) {
        String hint = switch (scheme == null ? "" : scheme) {
            case "s3a", "s3", "s3n" -> " (add org.apache.hadoop:hadoop-aws and its AWS SDK to the classpath, as"
                    + " cluster images do, e.g. spark-submit --packages org.apache.hadoop:hadoop-aws:VERSION)";
            case "gs" -> " (add Google's gcs-connector to the classpath)";
            case "abfs", "abfss", "wasb", "wasbs" -> " (add org.apache.hadoop:hadoop-azure to the classpath)";
            default -> "";
        };
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String why = root instanceof ClassNotFoundException ? "its file system class " + root.getMessage()
                + " is not on the classpath" : String.valueOf(root.getMessage());
        return "no Hadoop file system for scheme \"" + scheme + "\": " + why + hint;
    }
}
