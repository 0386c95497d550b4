package dev.shopflow.gateway.edge;

import dev.shopflow.gateway.storefront.StorefrontPolicy;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on every answer: {@code X-Content-Type-Options: nosniff}; {@code X-Frame-Options: DENY} and
 * {@code Content-Security-Policy: frame-ancestors 'none'} (no page may frame the API or the Swagger UI) — or, for the
 * storefront's page and assets, the storefront's whole policy ({@link StorefrontPolicy}), which forbids framing too;
 * {@code Referrer-Policy: no-referrer}. Answers of the auth API carry tokens and always get
 * {@code Cache-Control: no-store}; any other answer keeps the {@code Cache-Control} its service chose (catalog reads
 * are cacheable) and gets {@code no-store} only when its service said nothing. The headers are written just before
 * the answer goes out, ahead of Spring Security's header writers, which leave a header that is already set alone
 * (and add {@code X-XSS-Protection: 0}).
 */
final class SecurityHeadersFilter implements WebFilter, Ordered {

    private static final String AUTH_API = "/api/auth/";
    private static final String API_POLICY = "frame-ancestors 'none'";

    private final StorefrontPolicy storefront;

    SecurityHeadersFilter(StorefrontPolicy storefront) {
        this.storefront = storefront;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        boolean authAnswer = path.startsWith(AUTH_API);
        String policy = storefront.covers(path) ? storefront.contentSecurityPolicy() : API_POLICY;
        var response = exchange.getResponse();
        response.beforeCommit(() -> {
            HttpHeaders headers = response.getHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Content-Security-Policy", policy);
            headers.set("Referrer-Policy", "no-referrer");
            if (authAnswer || !headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}
