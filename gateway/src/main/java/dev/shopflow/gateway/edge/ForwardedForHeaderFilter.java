package dev.shopflow.gateway.edge;

import dev.shopflow.platform.web.ClientAddress;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the service where a request came from: {@code X-Forwarded-For} is the {@link ClientAddress} the gateway
 * resolved, and nothing else — its TCP peer, unless that peer is a proxy the gateway is told to trust
 * ({@code shopflow.web.trusted-proxies}, none by default). Spring Cloud Gateway has already removed every
 * {@code X-Forwarded-*} header the client sent (it does so while no trusted proxies of its own are configured), so
 * the one entry is the gateway's own word, which the services believe because they trust the gateway's address —
 * the auth service's sign-in throttle counts failures per that address.
 */
final class ForwardedForHeaderFilter implements HttpHeadersFilter, Ordered {

    static final String HEADER = "X-Forwarded-For";

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders forwarded = HttpHeaders.copyOf(input);
        if (exchange.getRequest().getRemoteAddress() != null) {
            forwarded.set(HEADER, ClientAddress.of(exchange));
        }
        return forwarded;
    }

    /** After Spring Cloud Gateway's {@code RemoveXForwardedHeadersFilter} (order 0). */
    @Override
    public int getOrder() {
        return 1;
    }
}
