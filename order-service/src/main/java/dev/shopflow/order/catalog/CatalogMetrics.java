package dev.shopflow.order.catalog;

import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Publishes the breaker around catalog calls as {@code resilience4j_circuitbreaker_*{name="catalog"}} (state, failure
 * rate, calls by outcome), like the gateway's and payment-service's breakers.
 */
@Component
class CatalogMetrics {

    CatalogMetrics(Catalog catalog, MeterRegistry meters) {
        new TaggedCircuitBreakerMetricsPublisher(meters).publishMetrics(catalog.circuitBreaker());
    }
}
