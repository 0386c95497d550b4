package dev.shopflow.order.catalog;

import dev.shopflow.order.OrderingProperties;
import dev.shopflow.order.money.Money;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.reactor.timelimiter.TimeLimiterOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Looks products up in catalog-service ({@code GET /api/catalog/products/{id}}). Each attempt is limited in time;
 * failed attempts are retried with a short back-off; a circuit breaker stops calling a catalog that keeps failing,
 * so that checkouts fail fast with {@link CatalogUnavailable} rather than queueing behind a dead service.
 */
@Component
public class Catalog {

    private final WebClient client;
    private final TimeLimiter timeLimiter;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    public Catalog(ObjectProvider<WebClient.Builder> clients, OrderingProperties properties) {
        var settings = properties.catalog();
        this.client = clients.getIfAvailable(WebClient::builder).baseUrl(settings.uri().toString()).build();
        this.timeLimiter = TimeLimiter.of("catalog", TimeLimiterConfig.custom()
                .timeoutDuration(settings.timeout()).build());
        this.retry = Retry.of("catalog", RetryConfig.custom()
                .maxAttempts(settings.retries() + 1)
                .waitDuration(Duration.ofMillis(100))
                .ignoreExceptions(ProductNotFound.class,
                        io.github.resilience4j.circuitbreaker.CallNotPermittedException.class)
                .build());
        this.circuitBreaker = CircuitBreaker.of("catalog", CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .ignoreExceptions(ProductNotFound.class)
                .build());
    }

    /**
     * The product as catalog describes it now.
     *
     * @return the product; {@link ProductNotFound} when catalog has none with this id; {@link CatalogUnavailable}
     * when catalog cannot answer
     */
    public Mono<CatalogProduct> product(UUID id) {
        return client.get().uri("/api/catalog/products/{id}", id)
                .retrieve()
                .onStatus(status -> status.value() == HttpStatus.NOT_FOUND.value(),
                        response -> response.releaseBody().then(Mono.error(new ProductNotFound(id))))
                .bodyToMono(ProductResponse.class)
                .map(product -> new CatalogProduct(product.id(), product.name(), product.price(),
                        product.available()))
                .transformDeferred(TimeLimiterOperator.of(timeLimiter))
                .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
                .transformDeferred(RetryOperator.of(retry))
                .onErrorMap(error -> !(error instanceof ProductNotFound), CatalogUnavailable::new);
    }

    /** The breaker around catalog calls, for its metrics ({@link CatalogMetrics}). */
    CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    /** The fields of catalog's Product this service reads. */
    record ProductResponse(UUID id, String name, Money price, int available) {
    }
}
