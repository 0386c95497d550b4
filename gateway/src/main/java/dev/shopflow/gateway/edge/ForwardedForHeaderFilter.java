package dev.shopflow.gateway.edge;

import java.net.InetSocketAddress;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the service where a request came from: {@code X-Forwarded-For} is the address of the gateway's TCP peer,
 * and nothing else. Spring Cloud Gateway has already removed every {@code X-Forwarded-*} header the client sent
 * (it does so while no trusted proxies are configured), so the one entry is the gateway's own word — the auth
 * service's login throttle counts failures per that address.
 */
final class ForwardedForHeaderFilter implements HttpHeadersFilter, Ordered {

    static final String HEADER = "X-Forwarded-For";

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
        HttpHeaders forwarded = HttpHeaders.copyOf(input);
        if (peer != null && peer.getAddress() != null) {
            forwarded.set(HEADER, peer.getAddress().getHostAddress());
        }
        return forwarded;
    }

    /** After Spring Cloud Gateway's {@code RemoveXForwardedHeadersFilter} (order 0). */
    @Override
    public int getOrder() {
        return 1;
    }
}
