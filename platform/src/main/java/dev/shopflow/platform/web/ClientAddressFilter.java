package dev.shopflow.platform.web;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Resolves each request's {@link ClientAddress} once, from the TCP peer and the trusted proxies' {@code
 * X-Forwarded-For}, before any other filter (rate limits, sign-in throttling) asks for it.
 */
public class ClientAddressFilter implements WebFilter, Ordered {

    private final TrustedProxies trustedProxies;

    public ClientAddressFilter(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().put(ClientAddress.ATTRIBUTE, ClientAddress.resolve(exchange, trustedProxies));
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
