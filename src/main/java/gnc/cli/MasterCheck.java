package gnc.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * A standalone master that cannot be reached makes Spark retry for minutes before it gives up;
 * checking the connection first turns that into a clear error within seconds.
 */
final class MasterCheck {
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private MasterCheck() {
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
            URI uri = URI.create("spark://" + hostPort);
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new UsageException("--master " + master + ": expected spark://HOST:PORT");
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
