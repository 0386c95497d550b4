package dev.shopflow.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shopflow.gateway.GatewayTest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A service that is stopped or hangs costs a client a quick problem answer, never a hang or a 500; after repeated
 * failures the route's circuit opens, and it closes again once the service is back. Each test uses a route of its
 * own, since every route has its own breaker.
 */
@TestPropertySource(properties = {
        "shopflow.gateway.upstream.time-limit=1s",
        "shopflow.gateway.upstream.circuit-breaker.sliding-window-size=4",
        "shopflow.gateway.upstream.circuit-breaker.minimum-calls=4",
        "shopflow.gateway.upstream.circuit-breaker.wait-in-open-state=1s",
        "shopflow.gateway.upstream.circuit-breaker.calls-in-half-open-state=1"})
class CircuitBreakerTest extends GatewayTest {

    @Autowired
    CircuitBreakerRegistry breakers;

    @Test
    void answersARequestForAStoppedServiceWithA503ProblemWithinASecond() {
        services.payment.stop();
        long started = System.nanoTime();

        asCustomer().get().uri("/api/payments?orderId=42").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/service-unavailable")
                .jsonPath("$.route").isEqualTo("payments")
                .jsonPath("$.detail").isEqualTo("A service needed to answer this request is not reachable. Try again shortly.");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void opensTheCircuitAfterRepeatedFailuresAndClosesItWhenTheServiceIsBack() {
        services.catalog.stop();
        for (int i = 0; i < 4; i++) {
            web.get().uri("/api/catalog/products").exchange().expectStatus().isEqualTo(503);
        }
        assertThat(breakers.circuitBreaker("catalog").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(prometheus()).as("Prometheus sees the route's breaker open")
                .containsPattern("resilience4j_circuitbreaker_state\\{application=\"gateway\",[^}]*name=\"catalog\",state=\"open\"} 1\\.0");

        web.get().uri("/api/catalog/products").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectBody()
                .jsonPath("$.detail").isEqualTo("A service needed to answer this request is failing, so the gateway stops calling it for 1 s. Try again then.");

        services.catalog.start();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                web.get().uri("/api/catalog/products").exchange().expectStatus().isOk());
        assertThat(breakers.circuitBreaker("catalog").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private String prometheus() {
        return new String(management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
    }

    @Test
    void answersAServiceThatHangsWithA504ProblemOnceTheTimeLimitIsUp() {
        services.order.hang();
        long started = System.nanoTime();

        asCustomer().get().uri("/api/orders/42").exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/service-timeout")
                .jsonPath("$.route").isEqualTo("orders");

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1))
                .isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void waitsForAnEventStreamLongerThanTheTimeLimit() {
        // Like a WebFlux event stream, the fake answers nothing, not even its headers, until the first event.
        services.order.answer((request, response) -> Mono.delay(Duration.ofMillis(1500))
                .then(response.sse().send(Flux.just("event-0", "event-1")
                        .map(event -> Unpooled.copiedBuffer("data: " + event + "\n\n", StandardCharsets.UTF_8)),
                        flush -> true).then()));

        List<String> events = asCustomer().get().uri("/api/orders/42/events").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody()
                .collectList().block(Duration.ofSeconds(10));

        assertThat(events).containsExactly("event-0", "event-1");
    }
}
