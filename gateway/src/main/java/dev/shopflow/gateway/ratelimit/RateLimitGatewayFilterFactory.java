package dev.shopflow.gateway.ratelimit;

import dev.shopflow.platform.web.ProblemResponses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The {@code RateLimit=<policy>} route filter, in place of Spring Cloud Gateway's {@code RequestRateLimiter} (which
 * refuses with an empty body). A request passes while its client — the signed-in user, else the client address —
 * has budget left under the named policy; otherwise the gateway answers 429 {@code application/problem+json} with
 * {@code Retry-After}. Every answer carries {@code X-RateLimit-Limit} (the burst the policy allows) and, when the
 * counter could tell, {@code X-RateLimit-Remaining}. Naming a policy that is not configured fails at start-up. Every
 * refusal is counted in {@code shopflow_gateway_rate_limited_total{policy}} (at zero from the start).
 */
public class RateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<RateLimitGatewayFilterFactory.Config> {

    public static final String LIMIT_HEADER = "X-RateLimit-Limit";
    public static final String REMAINING_HEADER = "X-RateLimit-Remaining";
    public static final URI PROBLEM_TYPE = URI.create(ProblemResponses.TYPE_BASE + "rate-limited");

    private final RateLimits limits;
    private final ClientKeys clients = new ClientKeys();
    private final ProblemResponses responses;
    private final MeterRegistry meters;

    RateLimitGatewayFilterFactory(RateLimits limits, ProblemResponses responses, MeterRegistry meters) {
        super(Config.class);
        this.limits = limits;
        this.responses = responses;
        this.meters = meters;
        limits.policyNames().forEach(this::refusals);
    }

    private Counter refusals(String policy) {
        return Counter.builder("shopflow.gateway.rate.limited")
                .description("Requests the gateway refused with 429 because their client had spent its budget")
                .tag("policy", policy)
                .register(meters);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("policy");
    }

    @Override
    public GatewayFilter apply(Config config) {
        String policy = config.getPolicy();
        if (policy == null || !limits.knows(policy)) {
            throw new IllegalArgumentException("RateLimit=" + policy
                    + " names no policy under shopflow.gateway.rate-limit.policies");
        }
        Counter refused = refusals(policy);
        return (exchange, chain) -> clients.of(exchange)
                .flatMap(client -> limits.consume(policy, client))
                .flatMap(decision -> {
                    report(exchange, decision);
                    if (decision.allowed()) {
                        return chain.filter(exchange);
                    }
                    refused.increment();
                    return refuse(exchange, decision);
                });
    }

    private static void report(ServerWebExchange exchange, RateLimits.Decision decision) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set(LIMIT_HEADER, String.valueOf(decision.policy().burst()));
        if (decision.remaining() >= 0) {
            headers.set(REMAINING_HEADER, String.valueOf(decision.remaining()));
        }
    }

    private Mono<Void> refuse(ServerWebExchange exchange, RateLimits.Decision decision) {
        var policy = decision.policy();
        long retryAfter = policy.secondsUntilNextRequest();
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests: this client may send %d at once and then %d every %d s. Try again in %d s."
                        .formatted(policy.burst(), policy.requests(), policy.per().toSeconds(), retryAfter));
        problem.setType(PROBLEM_TYPE);
        return responses.write(exchange, problem);
    }

    /** The filter's one argument: the name of a policy under {@code shopflow.gateway.rate-limit.policies}. */
    public static class Config {

        private String policy;

        public String getPolicy() {
            return policy;
        }

        public void setPolicy(String policy) {
            this.policy = policy;
        }
    }
}
