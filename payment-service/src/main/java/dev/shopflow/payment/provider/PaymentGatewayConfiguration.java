package dev.shopflow.payment.provider;

import dev.shopflow.payment.PaymentProperties;
import dev.shopflow.payment.provider.simulated.SimulatedPaymentGateway;
import dev.shopflow.payment.provider.stripe.StripePaymentGateway;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payment gateway: the adapter {@code shopflow.payments.provider} names, behind Resilience4j's time limiter,
 * circuit breaker and retry. The registries are built here from {@code shopflow.payments.resilience}: resilience4j's
 * Boot 3 module does not start on Boot 4, and the Reactor operators need nothing else. Their state is published as
 * {@code resilience4j_circuitbreaker_*} and {@code resilience4j_retry_*} metrics.
 */
@Configuration(proxyBeanMethods = false)
class PaymentGatewayConfiguration {

    static final String INSTANCE = "payment-provider";

    @Bean
    CircuitBreakerRegistry paymentCircuitBreakers(PaymentProperties properties, MeterRegistry meters) {
        var settings = properties.resilience();
        var registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.waitInOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(ResilientPaymentGateway::isProviderTrouble)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    RetryRegistry paymentRetries(PaymentProperties properties, MeterRegistry meters) {
        var settings = properties.resilience();
        var registry = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(settings.firstBackoff(), 2.0, 0.5,
                        settings.maxBackoff()))
                .retryOnException(ResilientPaymentGateway::isWorthRetrying)
                .build());
        TaggedRetryMetrics.ofRetryRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    ResilientPaymentGateway paymentGateway(PaymentProperties properties, CircuitBreakerRegistry paymentCircuitBreakers,
            RetryRegistry paymentRetries, MeterRegistry meters) {
        PaymentGateway provider = switch (properties.provider()) {
            case STRIPE -> StripePaymentGateway.connect(properties.stripe());
            case SIMULATED -> new SimulatedPaymentGateway(properties.simulator(), new SecureRandom());
        };
        var timeLimiter = TimeLimiter.of(INSTANCE, TimeLimiterConfig.custom()
                .timeoutDuration(properties.resilience().timeLimit())
                .build());
        return new ResilientPaymentGateway(provider, timeLimiter, paymentCircuitBreakers.circuitBreaker(INSTANCE),
                paymentRetries.retry(INSTANCE), meters);
    }
}
