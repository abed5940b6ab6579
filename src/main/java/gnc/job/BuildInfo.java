package gnc.job;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What the build recorded about itself: the project version and the git commit, when known. */
record BuildInfo(String version, String gitCommit) {

    static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/gnc-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Unknown build: fall through to "unknown" and no commit.
        }
        String version = known(p.getProperty("version"));
        String commit = known(p.getProperty("git.commit"));
        if (commit != null && "true".equals(p.getProperty("git.dirty"))) {
            commit += " (with uncommitted changes)";
        }
        return new BuildInfo(version == null ? "unknown" : version, commit);
    }

    /** A filtered value, or null when the build left the placeholder in. */
    private static String known(String v) {
        return v == null || v.isBlank() || v.startsWith("${") ? null : v;
    }
}
