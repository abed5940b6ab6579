package gnc.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.VersionInfo;

/**
 * Whether Hadoop can load the file system of a run directory, checked before any work: a scheme
 * whose connector is not on the classpath (s3a:// without hadoop-aws, as Spark's own jars come)
 * is a one-line usage error naming what to add, not a ClassNotFoundException deep in a job.
 * Only the class is loaded: nothing is contacted.
 */
final class RunFileSystem {
    /** The connector of each scheme that Spark's jars lack, as Maven coordinates. */
    private static final Map<String, String> CONNECTORS = Map.of(
            "s3a", "org.apache.hadoop:hadoop-aws:" + VersionInfo.getVersion() + " and the AWS SDK bundle it names",
            "abfs", "org.apache.hadoop:hadoop-azure:" + VersionInfo.getVersion(),
            "abfss", "org.apache.hadoop:hadoop-azure:" + VersionInfo.getVersion(),
            "wasb", "org.apache.hadoop:hadoop-azure:" + VersionInfo.getVersion(),
            "wasbs", "org.apache.hadoop:hadoop-azure:" + VersionInfo.getVersion(),
            "gs", "org.apache.hadoop:hadoop-gcp:" + VersionInfo.getVersion(),
            "oss", "org.apache.hadoop:hadoop-aliyun:" + VersionInfo.getVersion());

    private RunFileSystem() {
    }

    /**
     * Fails with a UsageException naming what (e.g. "--run-dir") when location is a URI whose
     * scheme Hadoop has no file system for; a local path always passes.
     */
    static void check(String what, String location, Configuration conf) {
        if (!location.contains("://")) {
            return;
        }
        String scheme;
        try {
            scheme = new URI(location).getScheme();
        } catch (URISyntaxException e) {
            throw new UsageException(what + " " + location + " is not a valid URI: " + e.getMessage());
        }
        try {
            FileSystem.getFileSystemClass(scheme, conf);
        } catch (IOException | RuntimeException e) { // no class for the scheme, or its class missing
            String add = CONNECTORS.getOrDefault(scheme, "the Hadoop connector for " + scheme + "://");
            throw new UsageException(what + " " + location + ": Hadoop has no file system for " + scheme + ":// here"
                    + " (" + rootCause(e) + "): put " + add + " on the classpath, as cluster images have it (with"
                    + " spark-submit: --packages)");
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
