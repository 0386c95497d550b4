package dev.shopflow.platform.web;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Names the service that answered in a {@code Shopflow-Service} response header. Through the gateway the header
 * shows which service a route reached, which is what you want to see in a fault lab or a load test.
 * An answer that already carries the header (the gateway relaying a service) keeps the service's name. It runs
 * first, so that answers from security (401, 403) carry it too.
 */
public class ServiceNameHeaderFilter implements WebFilter, Ordered {

    public static final String HEADER = "Shopflow-Service";

    private final String serviceName;

    public ServiceNameHeaderFilter(String serviceName) {
        this.serviceName = serviceName;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var response = exchange.getResponse();
        response.beforeCommit(() -> {
            response.getHeaders().putIfAbsent(HEADER, java.util.List.of(serviceName));
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
