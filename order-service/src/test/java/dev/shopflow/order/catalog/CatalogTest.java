package dev.shopflow.order.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.order.FakeCatalog;
import dev.shopflow.order.OrderingProperties;
import dev.shopflow.order.money.Money;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import reactor.test.StepVerifier;

/**
 * The catalog lookup against a fake catalog over HTTP: answers, 404s, retries and the circuit breaker. Each attempt
 * may take up to 3 s here (1 s in the service): the fake answers at once, and on a busy machine the first request of
 * a cold HTTP client alone can take a second, which would count as a time-out rather than the failure under test.
 */
class CatalogTest {

    private static final FakeCatalog fake = FakeCatalog.instance();

    private final Catalog catalog = new Catalog(new DefaultListableBeanFactory().getBeanProvider(
            org.springframework.web.reactive.function.client.WebClient.Builder.class),
            new OrderingProperties(Duration.ofMinutes(15), Duration.ofSeconds(5), 100, Duration.ofSeconds(15), 5,
                    Duration.ofMinutes(10), "EUR",
                    new OrderingProperties.Catalog(URI.create(fake.uri()), Duration.ofSeconds(3), 2)));

    @Test
    void readsAProductsNamePriceAndAvailability() {
        UUID mug = fake.add("Mug", 1999);

        StepVerifier.create(catalog.product(mug))
                .expectNext(new CatalogProduct(mug, "Mug", new Money(1999, "EUR"), 10))
                .verifyComplete();
    }

    @Test
    void publishesItsCircuitBreakerForPrometheus() {
        var meters = new SimpleMeterRegistry();
        new CatalogMetrics(catalog, meters);
        UUID mug = fake.add("Mug", 1999);

        StepVerifier.create(catalog.product(mug)).expectNextCount(1).verifyComplete();

        assertThat(meters.get("resilience4j.circuitbreaker.state").tags("name", "catalog", "state", "closed").gauge().value())
                .isEqualTo(1.0);
        assertThat(meters.get("resilience4j.circuitbreaker.calls").tags("name", "catalog", "kind", "successful").timer().count())
                .isEqualTo(1);
    }

    @Test
    void signalsAnUnknownProductAtOnceWithoutRetrying() {
        UUID unknown = UUID.randomUUID();

        StepVerifier.create(catalog.product(unknown)).expectError(ProductNotFound.class).verify(Duration.ofSeconds(30));

        assertThat(fake.lookupsOf(unknown)).isEqualTo(1);
    }

    @Test
    void retriesAFailingCatalogThenSignalsItUnavailable() {
        UUID failing = fake.failing();

        StepVerifier.create(catalog.product(failing)).expectError(CatalogUnavailable.class)
                .verify(Duration.ofSeconds(30));

        assertThat(fake.lookupsOf(failing)).isEqualTo(3);
    }

    @Test
    void stopsCallingACatalogThatKeepsFailingUntilItsCircuitBreakerLetsCallsThroughAgain() {
        UUID failing = fake.failing();
        for (int i = 0; i < 4; i++) {
            StepVerifier.create(catalog.product(failing)).expectError(CatalogUnavailable.class)
                    .verify(Duration.ofSeconds(30));
        }
        int lookupsWhenOpen = fake.lookupsOf(failing);
        UUID mug = fake.add("Mug", 1999);

        StepVerifier.create(catalog.product(mug)).expectError(CatalogUnavailable.class).verify(Duration.ofSeconds(30));

        assertThat(fake.lookupsOf(mug)).as("an open breaker fails fast, without calling catalog").isZero();
        assertThat(lookupsWhenOpen).isLessThan(12);
    }
}
