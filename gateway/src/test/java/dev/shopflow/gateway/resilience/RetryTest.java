package dev.shopflow.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.gateway.GatewayTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The gateway tries a read again when its service answered 502, 503 or 504, and never tries a write again: a
 * second {@code POST} could place a second order.
 */
class RetryTest extends GatewayTest {

    @BeforeEach
    void theFirstAnswerIsA503() {
        var answers = new AtomicInteger();
        services.order.answer((request, response) -> answers.getAndIncrement() == 0
                ? response.status(503).send()
                : response.sendString(Mono.just("second try")));
    }

    @Test
    void triesAReadAgainWhenTheServiceWasUnavailable() {
        int before = services.order.received().size();

        asCustomer().get().uri("/api/cart").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("second try");

        assertThat(services.order.received()).hasSize(before + 2);
    }

    @Test
    void neverTriesAWriteAgain() {
        int before = services.order.received().size();

        asCustomer().post().uri("/api/orders").exchange()
                .expectStatus().isEqualTo(503);

        assertThat(services.order.received()).hasSize(before + 1);
    }

    @Test
    void doesNotTryAReadAgainAfterAnInternalError() {
        services.order.answerWithStatus(500);
        int before = services.order.received().size();

        asCustomer().get().uri("/api/cart").exchange()
                .expectStatus().isEqualTo(500);

        assertThat(services.order.received()).hasSize(before + 1);
    }
}
