package dev.shopflow.gateway.resilience;

import dev.shopflow.gateway.GatewayProperties;
import dev.shopflow.platform.web.ProblemResponses;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registries behind the {@code CircuitBreaker} route filter, built from {@code shopflow.gateway.upstream}: every
 * route gets its own breaker (named after the route) and time limiter with these settings. Spring Cloud
 * CircuitBreaker takes both registries from here; resilience4j's own Boot module does not run on Boot 4.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

    @Bean
    CircuitBreakerRegistry circuitBreakerRegistry(GatewayProperties properties) {
        var breaker = properties.upstream().circuitBreaker();
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(breaker.callsInHalfOpenState())
                .recordException(UpstreamFailure::countsAgainstService)
                .build());
    }

    @Bean
    TimeLimiterRegistry timeLimiterRegistry(GatewayProperties properties) {
        return TimeLimiterRegistry.of(TimeLimiterConfig.custom()
                .timeoutDuration(properties.upstream().timeLimit())
                .build());
    }

    @Bean
    UpstreamFailureFilter upstreamFailureFilter(ProblemResponses responses, GatewayProperties properties) {
        return new UpstreamFailureFilter(responses, properties.upstream());
    }
}
