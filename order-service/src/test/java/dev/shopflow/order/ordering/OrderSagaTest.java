package dev.shopflow.order.ordering;

import static dev.shopflow.order.ordering.CheckoutTest.auth;
import static dev.shopflow.order.ordering.CheckoutTest.buyNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import dev.shopflow.contracts.EventContracts;
import dev.shopflow.order.FakeCatalog;
import dev.shopflow.order.OrderServiceTest;
import dev.shopflow.order.TestClock;
import dev.shopflow.order.ordering.events.InventoryEvent;
import dev.shopflow.order.ordering.events.PaymentEvent;
import dev.shopflow.order.ordering.events.SagaEvent;
import dev.shopflow.platform.kafka.DeadLetters;
import dev.shopflow.platform.kafka.EventReader;
import dev.shopflow.platform.kafka.ReceivedEvent;
import dev.shopflow.platform.testsupport.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The saga as catalog and payment drive it: their events published to {@code inventory.v1} and {@code payments.v1}
 * on a real broker, applied to orders in a real PostgreSQL, answered on {@code orders.v1} through the outbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderSagaTest extends OrderServiceTest {

    private static final String RESERVED = "shopflow.inventory.stock-reserved.v1";
    private static final String REJECTED = "shopflow.inventory.stock-rejected.v1";
    private static final String PRICE_REJECTED = "shopflow.inventory.price-rejected.v1";
    private static final String SUCCEEDED = "shopflow.payment.succeeded.v1";
    private static final String FAILED = "shopflow.payment.failed.v1";
    private static final String REFUNDED = "shopflow.payment.refunded.v1";

    @Autowired
    private WebTestClient web;

    @Autowired
    private KafkaTemplate<String, String> kafka;

    @Autowired
    private DatabaseClient database;

    @Autowired
    private tools.jackson.databind.json.JsonMapper json;

    @Autowired
    private DeadLetters deadLetters;

    @Autowired
    private OrderTimeouts timeouts;

    @Autowired
    private Orders orders;

    @Autowired
    private OrderSaga saga;

    @Autowired
    private TestClock clock;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private io.r2dbc.spi.ConnectionFactory connections;

    /**
     * This context's broker. Not {@code spring.kafka.bootstrap-servers}: every embedded broker sets that system
     * property when it starts, so once another test context has started its own, the property names that one.
     */
    @Autowired
    private EmbeddedKafkaBroker broker;

    private KafkaConsumer<String, String> orderEvents;
    private final Map<String, List<Announcement>> announced = new ConcurrentHashMap<>();

    /** An order event as it arrived on orders.v1: its CloudEvents type and payload. */
    record Announcement(String type, String payload) {
    }

    /** A placed order: its id and owner. */
    record Placed(UUID id, UUID user) {
    }

    @BeforeAll
    void listenToOrderEvents() {
        var properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "saga-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        orderEvents = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        orderEvents.subscribe(List.of("orders.v1"));
    }

    @AfterAll
    void stopListening() {
        orderEvents.close();
    }

    @Test
    void takesAnOrderToConfirmedAnnouncingEachStepAsTheContractsSay() {
        double confirmedBefore = meters.counter("shopflow.orders.confirmed").count();
        Placed order = place();

        send("inventory.v1", RESERVED, UUID.randomUUID(), order.id(), "}");

        Announcement requested = awaitAnnouncement(order.id(), "shopflow.order.payment-requested.v1");
        EventContracts.requireValid(requested.type(), requested.payload());
        assertThat(JsonPath.<Integer>read(requested.payload(), "$.amount.amount")).isEqualTo(3998);
        assertThat(JsonPath.<String>read(requested.payload(), "$.paymentMethod")).isEqualTo("pm_card_visa");
        assertThat(JsonPath.<String>read(requested.payload(), "$.userId")).isEqualTo(order.user().toString());
        assertThat(status(order)).isEqualTo("AWAITING_PAYMENT");

        send("payments.v1", SUCCEEDED, UUID.randomUUID(), order.id(), paymentAmount(UUID.randomUUID()));

        Announcement confirmed = awaitAnnouncement(order.id(), "shopflow.order.confirmed.v1");
        EventContracts.requireValid(confirmed.type(), confirmed.payload());
        assertThat(status(order)).isEqualTo("CONFIRMED");
        assertThat(announcementsFor(order.id())).extracting(Announcement::type).containsExactly(
                "shopflow.order.placed.v1", "shopflow.order.payment-requested.v1", "shopflow.order.confirmed.v1");
        web.get().uri("/api/orders/" + order.id() + "/timeline").headers(auth(TestTokens.customer(order.user())))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[*].step").isEqualTo(List.of("ORDER_PLACED", "STOCK_RESERVED", "PAYMENT_REQUESTED",
                        "PAYMENT_SUCCEEDED", "ORDER_CONFIRMED"))
                .jsonPath("$.items[*].actor").isEqualTo(List.of("order-service", "catalog-service", "order-service",
                        "payment-service", "order-service"));
        assertThat(meters.counter("shopflow.orders.confirmed").count()).isEqualTo(confirmedBefore + 1);
        assertThat(meters.find("shopflow.orders.saga.duration").tag("status", "CONFIRMED").timer().count())
                .isPositive();
    }

    @Test
    void cancelsAnOrderCatalogCannotMeetAsOutOfStock() {
        Placed order = place();

        send("inventory.v1", REJECTED, UUID.randomUUID(), order.id(), ",\"unavailable\":[{\"productId\":\""
                + UUID.randomUUID() + "\",\"requested\":2,\"available\":1}]}");

        Announcement cancelled = awaitAnnouncement(order.id(), "shopflow.order.cancelled.v1");
        EventContracts.requireValid(cancelled.type(), cancelled.payload());
        assertThat(JsonPath.<String>read(cancelled.payload(), "$.reason")).isEqualTo("OUT_OF_STOCK");
        assertThat(order(order)).containsEntry("status", "CANCELLED").containsEntry("cancellationReason",
                "OUT_OF_STOCK");
    }

    @Test
    void cancelsAnOrderCatalogRefusesForAPriceItDidNotPublishAsPriceChanged() {
        double cancelledBefore = meters.counter("shopflow.orders.cancelled", "reason", "PRICE_CHANGED").count();
        Placed order = place();
        UUID mug = UUID.randomUUID();

        send("inventory.v1", PRICE_REJECTED, UUID.randomUUID(), order.id(), ",\"mispriced\":[{\"productId\":\"" + mug
                + "\",\"unitPrice\":{\"amount\":1999,\"currency\":\"EUR\"},"
                + "\"currentPrice\":{\"amount\":199900,\"currency\":\"EUR\"}}]}");

        Announcement cancelled = awaitAnnouncement(order.id(), "shopflow.order.cancelled.v1");
        EventContracts.requireValid(cancelled.type(), cancelled.payload());
        assertThat(JsonPath.<String>read(cancelled.payload(), "$.reason")).isEqualTo("PRICE_CHANGED");
        assertThat(order(order)).containsEntry("status", "CANCELLED").containsEntry("cancellationReason",
                "PRICE_CHANGED");
        assertThat(timelineDetail(order, "PRICE_REJECTED"))
                .isEqualTo(mug + ": ordered at 19.99 EUR, catalog asks 1999.00 EUR");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                meters.counter("shopflow.orders.cancelled", "reason", "PRICE_CHANGED").count())
                .isEqualTo(cancelledBefore + 1));
    }

    @Test
    void cancelsAnOrderWhosePaymentFailedAsPaymentDeclined() {
        Placed order = awaitingPayment();

        send("payments.v1", FAILED, UUID.randomUUID(), order.id(), ",\"paymentId\":\"" + UUID.randomUUID()
                + "\",\"declineCode\":\"card_declined\",\"reason\":\"Your card was declined.\"}");

        Announcement cancelled = awaitAnnouncement(order.id(), "shopflow.order.cancelled.v1");
        assertThat(JsonPath.<String>read(cancelled.payload(), "$.reason")).isEqualTo("PAYMENT_DECLINED");
        assertThat(order(order)).containsEntry("cancellationReason", "PAYMENT_DECLINED");
        assertThat(timelineDetail(order, "PAYMENT_FAILED")).contains("card_declined");
    }

    @Test
    void appliesAnEventDeliveredTwiceOnce() {
        Placed order = place();
        UUID eventId = UUID.randomUUID();

        send("inventory.v1", RESERVED, eventId, order.id(), "}");
        send("inventory.v1", RESERVED, eventId, order.id(), "}");
        // One order's events share a partition: once the rejection after them is handled, both copies were seen.
        send("inventory.v1", REJECTED, UUID.randomUUID(), order.id(), ",\"unavailable\":[]}");
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSteps(order).contains("STOCK_REJECTED"));

        assertThat(timelineSteps(order)).containsExactly("ORDER_PLACED", "STOCK_RESERVED", "PAYMENT_REQUESTED",
                "STOCK_REJECTED");
        assertThat(status(order)).isEqualTo("AWAITING_PAYMENT");
        assertThat(outboxTypes(order)).containsExactly("shopflow.order.placed.v1",
                "shopflow.order.payment-requested.v1");
    }

    @Test
    void announcesTheCancellationAgainWhenAPaymentSucceedsAfterItSoThatItIsRefunded() {
        Placed order = awaitingPayment();
        customerCancels(order).expectStatus().isOk().expectBody()
                .jsonPath("$.cancellationReason").isEqualTo("CUSTOMER_CANCELLED");

        send("payments.v1", SUCCEEDED, UUID.randomUUID(), order.id(), paymentAmount(UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(30)).until(() -> outboxTypes(order).stream()
                .filter("shopflow.order.cancelled.v1"::equals).count() == 2);
        assertThat(order(order)).containsEntry("status", "CANCELLED")
                .containsEntry("cancellationReason", "CUSTOMER_CANCELLED");
        assertThat(timelineDetail(order, "PAYMENT_SUCCEEDED")).contains("for a refund");
        send("payments.v1", REFUNDED, UUID.randomUUID(), order.id(), paymentAmount(UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineSteps(order).contains("PAYMENT_REFUNDED"));
        assertThat(status(order)).isEqualTo("CANCELLED");
    }

    @Test
    void letsTheCustomerCancelAnUnpaidOrderButNotAConfirmedOne() {
        Placed open = place();
        customerCancels(open).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("CANCELLED")
                .jsonPath("$.cancellationReason").isEqualTo("CUSTOMER_CANCELLED");
        assertThat(outboxTypes(open)).containsExactly("shopflow.order.placed.v1", "shopflow.order.cancelled.v1");
        customerCancels(open).expectStatus().isOk();
        assertThat(outboxTypes(open)).hasSize(2);

        Placed paid = awaitingPayment();
        send("payments.v1", SUCCEEDED, UUID.randomUUID(), paid.id(), paymentAmount(UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(paid).equals("CONFIRMED"));

        customerCancels(paid).expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody()
                .jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/order-cannot-be-cancelled");
        assertThat(status(paid)).isEqualTo("CONFIRMED");
    }

    @Test
    void timesOutOrdersStillOpenAfterTheDeadline() {
        Placed pending = place();
        Placed awaiting = awaitingPayment();
        double timedOutBefore = meters.counter("shopflow.orders.cancelled", "reason", "TIMED_OUT").count();

        clock.advance(Duration.ofMinutes(16));
        int cancelled = timeouts.sweep().block();

        assertThat(cancelled).isGreaterThanOrEqualTo(2);
        assertThat(order(pending)).containsEntry("cancellationReason", "TIMED_OUT");
        assertThat(order(awaiting)).containsEntry("cancellationReason", "TIMED_OUT");
        assertThat(outboxTypes(awaiting)).last().isEqualTo("shopflow.order.cancelled.v1");
        assertThat(meters.counter("shopflow.orders.cancelled", "reason", "TIMED_OUT").count())
                .isGreaterThanOrEqualTo(timedOutBefore + 2);
        assertThat(timeouts.sweep().block()).as("nothing is left to time out").isZero();
    }

    @Test
    void aSweepSkipsAnOverdueOrderAnotherInstanceHoldsAndTimesOutTheRestWithoutWaiting() {
        Placed held = place();
        Placed free = place();
        clock.advance(Duration.ofMinutes(16));
        // What another instance's sweep (or its saga step) does to an order: hold its row in a transaction of its own.
        var otherInstance = Mono.from(connections.create()).block();
        try {
            Mono.from(otherInstance.beginTransaction()).block();
            Flux.from(otherInstance.createStatement("SELECT id FROM orders WHERE id = $1 FOR UPDATE").bind(0, held.id()).execute())
                    .flatMap(result -> result.map((row, metadata) -> row.get(0)))
                    .blockLast();

            Integer cancelled = timeouts.sweep().block(Duration.ofSeconds(10));

            assertThat(cancelled).isPositive();
            assertThat(status(free)).isEqualTo("CANCELLED");
            assertThat(status(held)).as("held by the other instance: skipped, not waited for").isEqualTo("PENDING");
        } finally {
            Mono.from(otherInstance.rollbackTransaction()).block();
            Mono.from(otherInstance.close()).block();
        }
        assertThat(timeouts.sweep().block()).as("once released, the next sweep takes it").isPositive();
        assertThat(order(held)).containsEntry("cancellationReason", "TIMED_OUT");
    }

    @Test
    void twoInstancesSweepingAtOnceTimeOutEachOrderOnce() {
        List<Placed> open = java.util.stream.Stream.generate(this::place).limit(6).toList();
        clock.advance(Duration.ofMinutes(16));

        var both = Mono.zip(timeouts.sweep().subscribeOn(Schedulers.boundedElastic()),
                timeouts.sweep().subscribeOn(Schedulers.boundedElastic())).block(Duration.ofSeconds(30));

        assertThat(both.getT1() + both.getT2()).isGreaterThanOrEqualTo(open.size());
        for (Placed order : open) {
            assertThat(outboxTypes(order)).containsExactly("shopflow.order.placed.v1", "shopflow.order.cancelled.v1");
            assertThat(timelineSteps(order)).containsOnlyOnce("ORDER_CANCELLED");
            assertThat(order(order)).containsEntry("cancellationReason", "TIMED_OUT");
        }
    }

    @Test
    void showsAnOrderToItsOwnerAndAdministratorsOnly() {
        Placed order = place();

        web.get().uri("/api/orders/" + order.id()).headers(auth(TestTokens.customer(order.user()))).exchange()
                .expectStatus().isOk();
        web.get().uri("/api/orders/" + order.id()).headers(auth(TestTokens.admin())).exchange()
                .expectStatus().isOk();
        web.get().uri("/api/orders/" + order.id()).headers(auth(TestTokens.customer(UUID.randomUUID()))).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/order-not-found");
        web.get().uri("/api/orders/" + order.id() + "/timeline").headers(auth(TestTokens.customer(UUID.randomUUID())))
                .exchange().expectStatus().isNotFound();
        web.post().uri("/api/orders/" + order.id() + "/cancel").headers(auth(TestTokens.customer(UUID.randomUUID())))
                .exchange().expectStatus().isNotFound();
        web.get().uri("/api/orders/" + order.id() + "/events").headers(auth(TestTokens.customer(UUID.randomUUID())))
                .accept(org.springframework.http.MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isNotFound();
        assertThat(status(order)).isEqualTo("PENDING");
    }

    @Test
    void listsTheCallersOrdersNewestFirstInPages() {
        UUID user = UUID.randomUUID();
        UUID first = place(user).id();
        UUID second = place(user).id();
        UUID third = place(user).id();
        place(UUID.randomUUID());

        web.get().uri("/api/orders?page=0&size=2").headers(auth(TestTokens.customer(user))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[*].id").isEqualTo(List.of(third.toString(), second.toString()))
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(2)
                .jsonPath("$.totalItems").isEqualTo(3)
                .jsonPath("$.totalPages").isEqualTo(2);
        web.get().uri("/api/orders?page=1&size=2").headers(auth(TestTokens.customer(user))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[*].id").isEqualTo(List.of(first.toString()));
        web.get().uri("/api/orders?size=0").headers(auth(TestTokens.customer(user))).exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void streamsEachStatusChangeOfAnOrderUntilItEnds() {
        Placed order = place();
        var stream = web.get().uri("/api/orders/" + order.id() + "/events")
                .headers(auth(TestTokens.customer(order.user())))
                .accept(org.springframework.http.MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new org.springframework.core.ParameterizedTypeReference<
                        org.springframework.http.codec.ServerSentEvent<Map<String, Object>>>() {
                })
                .getResponseBody()
                .filter(event -> event.data() != null)
                .map(event -> (String) event.data().get("status"));

        reactor.test.StepVerifier.create(stream)
                .expectNext("PENDING")
                .then(() -> send("inventory.v1", RESERVED, UUID.randomUUID(), order.id(), "}"))
                .expectNext("AWAITING_PAYMENT")
                .then(() -> send("payments.v1", FAILED, UUID.randomUUID(), order.id(),
                        ",\"paymentId\":\"" + UUID.randomUUID() + "\",\"reason\":\"Declined\"}"))
                .expectNext("CANCELLED")
                .expectComplete()
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void aCustomerCancelRacingStockReservedLeavesTheOrderCancelledWithAConsistentStory() {
        for (int round = 0; round < 10; round++) {
            Placed order = place();
            var caller = new dev.shopflow.platform.security.AuthenticatedUser(order.user(), "c@example.com",
                    java.util.Set.of("CUSTOMER"));
            UUID eventId = UUID.randomUUID();
            var reserved = new InventoryEvent.StockReserved(eventId, Instant.now(), order.id());
            var received = new ReceivedEvent(eventId, RESERVED, "/test", order.id().toString(), Instant.now(), "{}");

            reactor.core.publisher.Flux.merge(
                            orders.cancel(order.id(), caller).subscribeOn(reactor.core.scheduler.Schedulers.parallel()),
                            saga.apply(reserved, received).subscribeOn(reactor.core.scheduler.Schedulers.parallel()))
                    .blockLast();

            assertThat(status(order)).isEqualTo("CANCELLED");
            assertThat(outboxTypes(order)).as("round " + round).isIn(
                    List.of("shopflow.order.placed.v1", "shopflow.order.cancelled.v1"),
                    List.of("shopflow.order.placed.v1", "shopflow.order.payment-requested.v1",
                            "shopflow.order.cancelled.v1"));
        }
    }

    @Test
    void keepsAQuietStreamAliveWithComments() {
        Placed order = place();
        var stream = web.get().uri("/api/orders/" + order.id() + "/events")
                .headers(auth(TestTokens.customer(order.user())))
                .accept(org.springframework.http.MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new org.springframework.core.ParameterizedTypeReference<
                        org.springframework.http.codec.ServerSentEvent<Map<String, Object>>>() {
                })
                .getResponseBody();

        reactor.test.StepVerifier.create(stream)
                .assertNext(event -> assertThat(event.event()).isEqualTo("order"))
                .assertNext(event -> assertThat(event.comment()).isEqualTo("keep-alive"))
                .thenCancel()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void readsEveryInventoryAndPaymentEventItsContractExamplesShow() {
        for (String type : List.of(RESERVED, REJECTED, PRICE_REJECTED, SUCCEEDED, FAILED, REFUNDED)) {
            String example = EventContracts.example(type);
            var received = new ReceivedEvent(UUID.fromString(JsonPath.read(example, "$.eventId")), type,
                    "/test", JsonPath.read(example, "$.orderId"), Instant.now(), example);

            assertThat(sagaEvents().read(received)).as(type).hasValueSatisfying(
                    event -> assertThat(event.orderId().toString()).isEqualTo(JsonPath.read(example, "$.orderId")));
        }
    }

    @Test
    void sendsAnEventItCannotReadToTheDeadLetterTopicAndGoesOn() {
        UUID eventId = UUID.randomUUID();
        Placed broken = place();
        Placed next = place();

        send("payments.v1", SUCCEEDED, eventId, broken.id(), ",\"paymentId\":\"not a uuid\"}");
        send("inventory.v1", RESERVED, UUID.randomUUID(), next.id(), "}");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                deadLetters.list("payments.v1", "order-service", 1000))
                .anyMatch(dead -> eventId.toString().equals(dead.eventId())));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(next).equals("AWAITING_PAYMENT"));
        assertThat(status(broken)).isEqualTo("PENDING");
    }

    // ---- helpers ----

    private Placed place() {
        return place(UUID.randomUUID());
    }

    private Placed place(UUID user) {
        UUID mug = FakeCatalog.instance().add("Mug", 1999);
        byte[] body = web.post().uri("/api/orders").headers(auth(TestTokens.customer(user)))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(buyNow(Map.of("productId", mug, "quantity", 2)))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody().returnResult().getResponseBodyContent();
        return new Placed(UUID.fromString(JsonPath.read(new String(body), "$.id")), user);
    }

    private Placed awaitingPayment() {
        Placed order = place();
        send("inventory.v1", RESERVED, UUID.randomUUID(), order.id(), "}");
        await().atMost(Duration.ofSeconds(30)).until(() -> status(order).equals("AWAITING_PAYMENT"));
        return order;
    }

    private WebTestClient.ResponseSpec customerCancels(Placed order) {
        return web.post().uri("/api/orders/" + order.id() + "/cancel")
                .headers(auth(TestTokens.customer(order.user()))).exchange();
    }

    private static String paymentAmount(UUID paymentId) {
        return ",\"paymentId\":\"" + paymentId + "\",\"amount\":{\"amount\":3998,\"currency\":\"EUR\"}}";
    }

    /** An event with CloudEvents headers; {@code rest} completes the JSON after the common fields. */
    private void send(String topic, String type, UUID eventId, UUID order, String rest) {
        Instant now = Instant.now();
        String payload = "{\"eventId\":\"" + eventId + "\",\"occurredAt\":\"" + now + "\",\"orderId\":\"" + order
                + "\"" + rest;
        var record = new ProducerRecord<String, String>(topic, order.toString(), payload);
        header(record, "ce_id", eventId.toString());
        header(record, "ce_type", type);
        header(record, "ce_source", "/test");
        header(record, "ce_time", now.toString());
        header(record, "ce_subject", order.toString());
        kafka.send(record).join();
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> order(Placed order) {
        byte[] body = web.get().uri("/api/orders/" + order.id()).headers(auth(TestTokens.customer(order.user())))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBodyContent();
        return JsonPath.read(new String(body), "$");
    }

    private String status(Placed order) {
        return database.sql("SELECT status FROM orders WHERE id = :id").bind("id", order.id())
                .map(row -> row.get("status", String.class)).one().block();
    }

    private List<String> timelineSteps(Placed order) {
        return database.sql("SELECT step FROM order_timeline WHERE order_id = :id ORDER BY id").bind("id", order.id())
                .map(row -> row.get("step", String.class)).all().collectList().block();
    }

    private String timelineDetail(Placed order, String step) {
        return database.sql("SELECT detail FROM order_timeline WHERE order_id = :id AND step = :step")
                .bind("id", order.id()).bind("step", step)
                .map(row -> row.get("detail", String.class)).one().block();
    }

    private List<String> outboxTypes(Placed order) {
        return database.sql("SELECT event_type FROM outbox WHERE record_key = :key ORDER BY id")
                .bind("key", order.id().toString()).map(row -> row.get("event_type", String.class))
                .all().collectList().block();
    }

    private Announcement awaitAnnouncement(UUID order, String type) {
        await().atMost(Duration.ofSeconds(30)).until(() -> announcementsFor(order).stream()
                .anyMatch(announcement -> announcement.type().equals(type)));
        return announcementsFor(order).stream().filter(announcement -> announcement.type().equals(type))
                .findFirst().orElseThrow();
    }

    private List<Announcement> announcementsFor(UUID order) {
        for (var record : orderEvents.poll(Duration.ofMillis(200))) {
            var type = record.headers().lastHeader("ce_type");
            announced.computeIfAbsent(record.key(), key -> new CopyOnWriteArrayList<>())
                    .add(new Announcement(type == null ? null : new String(type.value(), StandardCharsets.UTF_8),
                            record.value()));
        }
        return announced.getOrDefault(order.toString(), List.of());
    }

    /** Inventory and payment events read as the saga's listeners read them: their types, the service's mapper. */
    private EventReader<SagaEvent> sagaEvents() {
        var types = new java.util.HashMap<String, Class<? extends SagaEvent>>(InventoryEvent.TYPES);
        types.putAll(PaymentEvent.TYPES);
        return new EventReader<>(json, types);
    }
}
