package dev.shopflow.platform.testsupport;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A Zipkin collector for tests: accepts what services POST to {@code /api/v2/spans} (Zipkin v2 JSON, gzipped or not)
 * on a free loopback port, as a Zipkin server would, and keeps the spans in memory. Point a service's
 * {@code ZIPKIN_ENDPOINT} at {@link #endpoint()}.
 */
public final class SpanCollector implements AutoCloseable {

    /** One reported span, as the services describe it. */
    public record Span(String traceId, String id, String parentId, String name, String kind, String serviceName,
            Map<String, String> tags) {
    }

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    private SpanCollector(HttpServer server) {
        this.server = server;
    }

    /** A collector listening on a free port of 127.0.0.1. */
    public static SpanCollector start() {
        try {
            var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            var collector = new SpanCollector(server);
            server.createContext("/api/v2/spans", collector::accept);
            server.start();
            return collector;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the span collector", e);
        }
    }

    /** Where to send spans: the value for {@code ZIPKIN_ENDPOINT}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2/spans";
    }

    /** Every span received so far. */
    public List<Span> spans() {
        return List.copyOf(spans);
    }

    /** The spans of one trace received so far. */
    public List<Span> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    /** Bodies that were not Zipkin v2 JSON (empty when every report was). */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void accept(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String body = new String(read(exchange), StandardCharsets.UTF_8);
            try {
                List<Map<String, Object>> reported = JsonPath.read(body, "$[*]");
                var received = new ArrayList<Span>();
                for (Map<String, Object> span : reported) {
                    received.add(new Span((String) span.get("traceId"), (String) span.get("id"),
                            (String) span.get("parentId"), (String) span.get("name"), (String) span.get("kind"),
                            serviceName(span), tags(span)));
                }
                spans.addAll(received);
                exchange.sendResponseHeaders(202, -1);
            } catch (RuntimeException notZipkinJson) {
                refused.add(body);
                exchange.sendResponseHeaders(400, -1);
            }
        }
    }

    private static byte[] read(HttpExchange exchange) throws IOException {
        boolean gzipped = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        try (InputStream body = gzipped ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
            return body.readAllBytes();
        }
    }

    @SuppressWarnings("unchecked")
    private static String serviceName(Map<String, Object> span) {
        var endpoint = (Map<String, Object>) span.get("localEndpoint");
        return endpoint == null ? null : (String) endpoint.get("serviceName");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> tags(Map<String, Object> span) {
        var tags = (Map<String, String>) span.get("tags");
        return tags == null ? Map.of() : Map.copyOf(tags);
    }
}
