package gnc.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Kubernetes API server on 127.0.0.1 that records what a client sends and accepts it: a created
 * or applied object is answered with itself (given a uid, as the server would), a read with 404.
 * Enough for spark-submit's submission (create the driver pod, apply its ConfigMap and Service)
 * with spark.kubernetes.submission.waitAppCompletion=false; no pod ever runs.
 */
final class MockKubernetesApi implements AutoCloseable {
    /** One request: method, path with query, and body (JSON). */
    record Request(String method, String path, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();

    MockKubernetesApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The body of the first request with this method whose path (before any query) contains pathPart. */
    synchronized Optional<JsonNode> sent(String method, String pathPart) throws IOException {
        for (Request r : requests) {
            if (r.method().equals(method) && r.path().split("\\?")[0].contains(pathPart)) {
                return Optional.of(JSON.readTree(r.body()));
            }
        }
        return Optional.empty();
    }

    private void answer(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int n;
        synchronized (this) {
            requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().toString(), body));
            n = requests.size();
        }
        int code;
        String reply;
        if (ex.getRequestMethod().equals("POST") || ex.getRequestMethod().equals("PATCH")
                || ex.getRequestMethod().equals("PUT")) {
            ObjectNode object = (ObjectNode) JSON.readTree(body);
            ObjectNode metadata = object.get("metadata") instanceof ObjectNode m ? m : object.putObject("metadata");
            metadata.put("uid", "uid-" + n).put("resourceVersion", "1");
            code = ex.getRequestMethod().equals("POST") ? 201 : 200;
            reply = JSON.writeValueAsString(object);
        } else if (ex.getRequestMethod().equals("DELETE")) {
            code = 200;
            reply = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Success\"}";
        } else {
            code = 404;
            reply = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}";
        }
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
