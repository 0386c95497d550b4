package dev.shopflow.gateway.resilience;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import dev.shopflow.gateway.GatewayProperties;
import dev.shopflow.platform.tracing.TracedLogging;
import dev.shopflow.platform.web.ProblemResponses;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers in place of a service that failed, with an {@code application/problem+json} that says what happened: 503
 * when the service cannot be reached or its circuit is open (then with {@code Retry-After}), 504 when it did not
 * answer in time, 502 when it dropped the connection. Each problem names the {@code route}. Any other error goes
 * on to platform's error handler; an answer already on its way to the client is left alone.
 */
final class UpstreamFailureFilter implements GlobalFilter, Ordered {

    static final URI UNAVAILABLE = URI.create(ProblemResponses.TYPE_BASE + "service-unavailable");
    static final URI TIMED_OUT = URI.create(ProblemResponses.TYPE_BASE + "service-timeout");
    static final URI BAD_GATEWAY = URI.create(ProblemResponses.TYPE_BASE + "bad-gateway");

    private static final Logger log = LoggerFactory.getLogger(UpstreamFailureFilter.class);

    private final ProblemResponses responses;
    private final Duration waitInOpenState;

    UpstreamFailureFilter(ProblemResponses responses, GatewayProperties.Upstream upstream) {
        this.responses = responses;
        this.waitInOpenState = upstream.circuitBreaker().waitInOpenState();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorResume(error -> UpstreamFailure.of(error)
                .filter(failure -> !exchange.getResponse().isCommitted())
                .map(failure -> answer(exchange, failure, error))
                .orElseGet(() -> Mono.error(error)));
    }

    private Mono<Void> answer(ServerWebExchange exchange, UpstreamFailure failure, Throwable error) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        String routeId = route == null ? "unknown" : route.getId();
        var request = exchange.getRequest();
        return TracedLogging.logThen(() -> log.warn("[{}] {} {}: route {} {} ({})", request.getId(),
                request.getMethod(), request.getPath(), routeId, failure, error.toString()),
                () -> responses.write(exchange, problem(exchange, failure, routeId)));
    }

    private ProblemDetail problem(ServerWebExchange exchange, UpstreamFailure failure, String routeId) {
        ProblemDetail problem = switch (failure) {
            case UNREACHABLE -> problem(failure, UNAVAILABLE,
                    "A service needed to answer this request is not reachable. Try again shortly.");
            case CIRCUIT_OPEN -> {
                long seconds = Math.max(1, waitInOpenState.toSeconds());
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
                yield problem(failure, UNAVAILABLE, ("A service needed to answer this request is failing, so the "
                        + "gateway stops calling it for %d s. Try again then.").formatted(seconds));
            }
            case TIMED_OUT -> problem(failure, TIMED_OUT,
                    "A service needed to answer this request did not answer in time. Try again shortly.");
            case DROPPED -> problem(failure, BAD_GATEWAY,
                    "A service needed to answer this request closed the connection without answering.");
        };
        problem.setProperty("route", routeId);
        return problem;
    }

    private static ProblemDetail problem(UpstreamFailure failure, URI type, String detail) {
        ProblemDetail problem = ProblemResponses.problem(failure.status(), detail);
        problem.setType(type);
        return problem;
    }

    /** Around every other gateway filter, the circuit breakers included. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
