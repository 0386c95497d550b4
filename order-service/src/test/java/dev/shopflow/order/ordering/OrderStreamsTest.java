package dev.shopflow.order.ordering;

import static dev.shopflow.order.ordering.CheckoutTest.auth;
import static dev.shopflow.order.ordering.CheckoutTest.buyNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import dev.shopflow.order.FakeCatalog;
import dev.shopflow.order.OrderServiceTest;
import dev.shopflow.platform.security.AuthenticatedUser;
import dev.shopflow.platform.testsupport.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * An order's event stream as a client sees it: pushed changes, its end, its limits (stream-max-per-user=3,
 * stream-max-duration=10s in these tests).
 */
class OrderStreamsTest extends OrderServiceTest {

    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENTS =
            new ParameterizedTypeReference<>() {
            };

    @Autowired
    private WebTestClient web;

    @Autowired
    private DatabaseClient database;

    @Autowired
    private Orders orders;

    @Autowired
    private OrderStreams streams;

    @Autowired
    private OrderChanges changes;

    @Test
    void startsWithTheCurrentStateAndEndsRightAfterAFinalOne() {
        UUID user = UUID.randomUUID();
        UUID order = place(user);
        orders.cancel(order, customer(user)).block();

        StepVerifier.create(statuses(order, user))
                .expectNext("CANCELLED")
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(5)).until(() -> streams.openStreams(user) == 0);
    }

    @Test
    void pushesACommittedChangeAtOnceAndNeverReReadsTheOrderOnItsOwn() {
        UUID user = UUID.randomUUID();
        UUID order = place(user);
        // Set before the cancellation starts: the change may reach the stream, on another thread, before cancel
        // returns, so a time taken after it could be read before it is written.
        var cancelling = new AtomicLong();

        StepVerifier.create(statuses(order, user))
                .expectNext("PENDING")
                // A change that notifies nothing is never seen: the stream does not poll (it used to every 2 s). Every
                // update of an order notifies (a trigger), so this one is made with the trigger off, in one
                // transaction: nobody else ever sees the table without it.
                .then(() -> database.sql("ALTER TABLE orders DISABLE TRIGGER order_changed; "
                        + "UPDATE orders SET status = 'AWAITING_PAYMENT' WHERE id = '" + order + "'; "
                        + "ALTER TABLE orders ENABLE TRIGGER order_changed").then().block())
                .expectNoEvent(Duration.ofMillis(2500))
                .then(() -> {
                    cancelling.set(System.nanoTime());
                    orders.cancel(order, customer(user)).block();
                })
                .assertNext(status -> {
                    assertThat(status).isEqualTo("CANCELLED");
                    assertThat(Duration.ofNanos(System.nanoTime() - cancelling.get()))
                            .isLessThan(Duration.ofSeconds(1));
                })
                .expectComplete()
                .verify(Duration.ofSeconds(15));
    }

    @Test
    void pushesAnyUpdateOfTheOrderEvenOneMadeOutsideTheService() {
        UUID user = UUID.randomUUID();
        UUID order = place(user);

        StepVerifier.create(statuses(order, user))
                .expectNext("PENDING")
                // The notification comes from the table's trigger, not from the code that changed the order.
                .then(() -> database.sql("UPDATE orders SET status = 'AWAITING_PAYMENT' WHERE id = :id")
                        .bind("id", order).then().block())
                .expectNext("AWAITING_PAYMENT")
                .thenCancel()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void refusesAStreamBeyondTheCallersLimitUntilAClientGoesAway() {
        UUID user = UUID.randomUUID();
        UUID order = place(user);
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Disposable> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(statuses(order, user).subscribe(seen::add));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 3);

            events(order, user).exchange()
                    .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/too-many-order-streams")
                    .jsonPath("$.status").isEqualTo(429);
            UUID someoneElse = UUID.randomUUID();
            StepVerifier.create(statuses(place(someoneElse), someoneElse))
                    .expectNext("PENDING")
                    .thenCancel()
                    .verify(Duration.ofSeconds(10));

            open.removeFirst().dispose();

            await().atMost(Duration.ofSeconds(10)).until(() -> streams.openStreams(user) == 2);
            StepVerifier.create(statuses(order, user))
                    .expectNext("PENDING")
                    .thenCancel()
                    .verify(Duration.ofSeconds(10));
        } finally {
            open.forEach(Disposable::dispose);
        }
    }

    @Test
    void wakesEveryStreamOfTheChangedOrderAndNoOtherAndForgetsAStreamOnceItEnded() {
        UUID user = UUID.randomUUID();
        UUID order = place(user);
        UUID otherOrder = place(user);
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        List<String> other = new CopyOnWriteArrayList<>();
        List<Disposable> open = new ArrayList<>();
        try {
            open.add(statuses(order, user).subscribe(first::add));
            open.add(statuses(order, user).subscribe(second::add));
            open.add(statuses(otherOrder, user).subscribe(other::add));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> first.size() == 1 && second.size() == 1 && other.size() == 1);

            orders.cancel(order, customer(user)).block();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(first).containsExactly("PENDING", "CANCELLED");
                assertThat(second).containsExactly("PENDING", "CANCELLED");
            });
            // Both streams of the cancelled order ended with it; the other order's stream still waits, unwoken.
            await().atMost(Duration.ofSeconds(5)).until(() -> changes.watchedOrders() == 1);
            assertThat(other).containsExactly("PENDING");

            open.getLast().dispose();
            await().atMost(Duration.ofSeconds(5)).until(() -> changes.watchedOrders() == 0);
        } finally {
            open.forEach(Disposable::dispose);
        }
    }

    @Test
    void answersAStreamOfSomeoneElsesOrderWithANotFoundProblem() {
        UUID order = place(UUID.randomUUID());

        events(order, UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/order-not-found");
    }

    @Test
    void endsAStreamThatReachedItsMaximumDuration() {
        UUID user = UUID.randomUUID();
        UUID order = place(user);
        long opened = System.nanoTime();

        StepVerifier.create(statuses(order, user))
                .expectNext("PENDING")
                .expectComplete()
                .verify(Duration.ofSeconds(30));

        assertThat(Duration.ofNanos(System.nanoTime() - opened)).isGreaterThanOrEqualTo(Duration.ofMillis(9500));
        await().atMost(Duration.ofSeconds(5)).until(() -> streams.openStreams(user) == 0);
    }

    // ---- helpers ----

    private WebTestClient.RequestHeadersSpec<?> events(UUID order, UUID user) {
        return web.get().uri("/api/orders/" + order + "/events")
                .headers(auth(TestTokens.customer(user)))
                .accept(MediaType.TEXT_EVENT_STREAM);
    }

    /** The statuses the stream sends (keep-alive comments left out). */
    private Flux<String> statuses(UUID order, UUID user) {
        return events(order, user).exchange()
                .expectStatus().isOk()
                .returnResult(EVENTS)
                .getResponseBody()
                .filter(event -> event.data() != null)
                .map(event -> (String) event.data().get("status"));
    }

    private UUID place(UUID user) {
        UUID mug = FakeCatalog.instance().add("Mug", 1999);
        byte[] body = web.post().uri("/api/orders").headers(auth(TestTokens.customer(user)))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(buyNow(Map.of("productId", mug, "quantity", 1)))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody().returnResult().getResponseBodyContent();
        return UUID.fromString(JsonPath.read(new String(body), "$.id"));
    }

    private static AuthenticatedUser customer(UUID user) {
        return new AuthenticatedUser(user, "customer@example.com", Set.of("CUSTOMER"));
    }
}
