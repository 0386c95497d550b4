package dev.shopflow.gateway.edge;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id in {@code X-Request-Id}: the client's own when it is well-formed (1 to 64 letters,
 * digits, {@code .}, {@code _} or {@code -}: a UUID, a trace id), otherwise a new UUID, so that nothing a client
 * writes there reaches a log line unchecked. The id is forwarded to the service, comes back on the answer — also on
 * the answers the gateway gives itself (401, 413, 429, 503) — and is the {@code requestId} of problem answers and
 * of the gateway's log lines.
 */
final class RequestIdFilter implements WebFilter, Ordered {

    static final String HEADER = "X-Request-Id";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String sent = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = sent != null && WELL_FORMED.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
        var response = exchange.getResponse();
        response.beforeCommit(() -> {
            response.getHeaders().set(HEADER, id);
            return Mono.empty();
        });
        ServerHttpRequest forwarded = exchange.getRequest().mutate().headers(headers -> headers.set(HEADER, id)).build();
        return chain.filter(exchange.mutate().request(new IdentifiedRequest(forwarded, id)).build());
    }

    /** First, so that every later filter, security included, sees the id and every answer carries it. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private static final class IdentifiedRequest extends ServerHttpRequestDecorator {

        private final String id;

        IdentifiedRequest(ServerHttpRequest request, String id) {
            super(request);
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }
    }
}
