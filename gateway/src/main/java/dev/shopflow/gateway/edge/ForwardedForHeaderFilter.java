package dev.shopflow.gateway.edge;

import dev.shopflow.platform.web.ClientAddress;
import java.util.Locale;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the service where a request came from: {@code X-Forwarded-For} is the {@link ClientAddress} the gateway
 * resolved, and nothing else — its TCP peer, unless that peer is a proxy the gateway is told to trust
 * ({@code shopflow.web.trusted-proxies}, none by default). Every other forwarding header the client sent —
 * {@code Forwarded}, {@code X-Forwarded-Host}, {@code -Proto}, {@code -Port}, {@code -Prefix} and the rest — is
 * removed here, not left to Spring Cloud Gateway (which removes them only while no
 * {@code spring.cloud.gateway.server.webflux.trusted-proxies} is set). So the one entry the services see is the
 * gateway's own word, which they believe because they trust the gateway's address — the auth service's sign-in
 * throttle counts failures per that address.
 */
final class ForwardedForHeaderFilter implements HttpHeadersFilter, Ordered {

    static final String HEADER = "X-Forwarded-For";

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders forwarded = HttpHeaders.copyOf(input);
        forwarded.headerNames().stream().filter(ForwardedForHeaderFilter::isForwardingHeader).toList()
                .forEach(forwarded::remove);
        if (exchange.getRequest().getRemoteAddress() != null) {
            forwarded.set(HEADER, ClientAddress.of(exchange));
        }
        return forwarded;
    }

    private static boolean isForwardingHeader(String name) {
        String lowerCase = name.toLowerCase(Locale.ROOT);
        return lowerCase.equals("forwarded") || lowerCase.startsWith("x-forwarded-");
    }

    /** After Spring Cloud Gateway's own forwarded-header filters (order 0), so nothing they add reaches a service. */
    @Override
    public int getOrder() {
        return 1;
    }
}
