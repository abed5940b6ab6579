package gnc.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * The checks of a master URL that turn Spark's failures (a stack trace for a malformed URL,
 * minutes of retries for a standalone master that does not answer, executors failing one by
 * one for a cluster gnc cannot ship its jar to) into one line before Spark starts.
 */
final class MasterCheck {
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    static final String FORMS = "local, local[N], local[*], local[N,F], local[*,F], local-cluster[N,C,M] or"
            + " spark://HOST:PORT[,HOST:PORT...] (N, C, M, F whole numbers >= 1; YARN and Kubernetes through"
            + " submit/yarn.sh and submit/kubernetes.sh)";
    /** Spark's own master patterns (SparkContext.createTaskScheduler), with counts of at least 1. */
    private static final Pattern LOCAL = Pattern.compile("local(\\[([1-9][0-9]*|\\*)(\\s*,\\s*[1-9][0-9]*)?\\])?");
    private static final Pattern LOCAL_CLUSTER =
            Pattern.compile("local-cluster\\[\\s*[1-9][0-9]*\\s*,\\s*[1-9][0-9]*\\s*,\\s*[1-9][0-9]*\\s*\\]");

    private MasterCheck() {
    }

    /**
     * Fails unless master (given as gnc's --master) is one Spark accepts and gnc can run on by
     * itself: YARN and Kubernetes need the application jar submitted with the job, which only
     * spark-submit does, so they are refused with the script that does it.
     */
    static void checkForm(String master) {
        if (master.equals("yarn")) {
            throw new UsageException("--master yarn: gnc cannot ship itself to YARN; run it through spark-submit with"
                    + " submit/yarn.sh SPEC [gnc run options] (HADOOP_CONF_DIR and SPARK_HOME set)");
        }
        if (master.startsWith("k8s://")) {
            throw new UsageException("--master " + master + ": gnc cannot ship itself to Kubernetes; run it through"
                    + " spark-submit with submit/kubernetes.sh K8S_API_URL IMAGE SPEC_IN_IMAGE [gnc run options]");
        }
        if (!LOCAL.matcher(master).matches() && !LOCAL_CLUSTER.matcher(master).matches()
                && !master.startsWith("spark://")) {
            throw new UsageException("--master " + master + ": expected " + FORMS);
        }
    }

    /** A master whose executors are JVMs of their own, which must be sent gnc's classes. */
    static boolean hasExecutorJvms(String master) {
        return master != null && (master.startsWith("spark://") || LOCAL_CLUSTER.matcher(master).matches());
    }

    /**
     * Fails unless some master of a spark://host:port[,host:port...] URL accepts a TCP
     * connection; other masters (local, yarn, k8s://) are left to Spark.
     */
    static void checkReachable(String master) {
        if (master == null || !master.startsWith("spark://")) {
            return;
        }
        String reason = "no host:port";
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            URI uri;
            try {
                uri = new URI("spark://" + hostPort);
            } catch (java.net.URISyntaxException e) {
                uri = null;
            }
            if (uri == null || uri.getHost() == null || uri.getPort() < 0) {
                throw new UsageException("--master " + master + ": expected spark://HOST:PORT[,HOST:PORT...]");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), CONNECT_TIMEOUT_MILLIS);
                return;
            } catch (IOException e) {
                reason = e.getMessage();
            }
        }
        throw new UsageException("cannot reach the Spark master " + master + " (" + reason
                + "): is it running? (for the local cluster: submit/local-cluster.sh status)");
    }
}
