package dev.shopflow.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shopflow.contracts.EventContracts;
import dev.shopflow.platform.testsupport.FreshDatabase;
import dev.shopflow.platform.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole payment service on a fresh PostgreSQL database and an in-process Kafka broker, with the {@code stripe}
 * provider pointed at a fake Stripe over HTTP: order events go in through Kafka, payment events come out through the
 * outbox, Stripe is called through stripe-java. Subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shopflow.payments.provider=stripe",
        "shopflow.payments.stripe.api-key=" + StripeFake.API_KEY,
        "shopflow.payments.stripe.webhook-secret=" + StripeFake.WEBHOOK_SECRET,
        "shopflow.payments.resilience.time-limit=1s",
        "shopflow.payments.resilience.max-attempts=3",
        "shopflow.payments.resilience.first-backoff=20ms",
        "shopflow.payments.resilience.max-backoff=100ms",
        // One test makes Stripe fail on purpose; the breaker must not open for the others.
        "shopflow.payments.resilience.sliding-window-size=100",
        "shopflow.payments.resilience.minimum-calls=100",
        "shopflow.kafka.retries=1",
        "shopflow.kafka.first-retry=50ms"})
@AutoConfigureWebTestClient(timeout = "PT30S")
@ContextConfiguration(initializers = {FreshDatabase.class, TestTokens.Initializer.class})
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(PaymentServiceTest.PaymentEventsRecorder.class)
public abstract class PaymentServiceTest {

    protected static final Duration PATIENCE = Duration.ofSeconds(30);
    protected static final StripeFake stripe = StripeFake.start();

    @DynamicPropertySource
    static void pointAtFakeStripe(DynamicPropertyRegistry registry) {
        registry.add("shopflow.payments.stripe.api-base", stripe::apiBase);
    }

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected DatabaseClient database;

    @Autowired
    private KafkaTemplate<String, String> kafka;

    @Autowired
    private PaymentEventsRecorder recorded;

    private final JsonMapper json = JsonMapper.builder().build();

    /** Collects what the service publishes on {@code payments.v1}, as order-service would receive it. */
    static class PaymentEventsRecorder {

        final Queue<ConsumerRecord<String, String>> records = new ConcurrentLinkedQueue<>();

        @KafkaListener(id = "test-payment-events", topics = "payments.v1", groupId = "test-order-service")
        void on(ConsumerRecord<String, String> record) {
            records.add(record);
        }
    }

    /** A PaymentRequested as order-service publishes it. */
    protected UUID requestPayment(UUID orderId, UUID userId, long amount, String paymentMethod) {
        return requestPayment(UUID.randomUUID(), orderId, userId, amount, paymentMethod);
    }

    protected UUID requestPayment(UUID eventId, UUID orderId, UUID userId, long amount, String paymentMethod) {
        return orderEvents().requestPayment(eventId, orderId, userId, amount, paymentMethod);
    }

    /** An OrderCancelled as order-service publishes it. */
    protected UUID cancelOrder(UUID eventId, UUID orderId, String reason) {
        return orderEvents().cancelOrder(eventId, orderId, reason);
    }

    protected OrderEventsFixture orderEvents() {
        return new OrderEventsFixture(kafka);
    }

    /** Waits until the service has applied this order event (its id is in the inbox). */
    protected void awaitApplied(UUID eventId) {
        await().atMost(PATIENCE).until(() -> database.sql("SELECT count(*) AS n FROM inbox WHERE event_id = :id")
                .bind("id", eventId).map(row -> row.get("n", Long.class)).one().block() == 1);
    }

    /** Waits for the payment event of this order and type on {@code payments.v1}, checks it against its contract. */
    protected Map<String, Object> awaitPaymentEvent(UUID orderId, String type) {
        var record = await().atMost(PATIENCE).until(() -> paymentEvents(orderId).stream()
                .filter(candidate -> type.equals(header(candidate, "ce_type"))).findFirst(), Optional::isPresent).get();
        EventContracts.requireValid(type, record.value());
        assertThat(header(record, "ce_subject")).isEqualTo(orderId.toString());
        assertThat(header(record, "ce_source")).isEqualTo("/shopflow/payment-service");
        Map<String, Object> payload = json.readValue(record.value(), Map.class);
        assertThat(payload.get("eventId")).isEqualTo(header(record, "ce_id"));
        return payload;
    }

    protected List<ConsumerRecord<String, String>> paymentEvents(UUID orderId) {
        return recorded.records.stream().filter(record -> orderId.toString().equals(record.key())).toList();
    }

    /** Payment events of this order the service has committed to publish (the outbox), of any type. */
    protected List<String> emittedTypes(UUID orderId) {
        return database.sql("SELECT event_type FROM outbox WHERE record_key = :key ORDER BY id")
                .bind("key", orderId.toString()).map(row -> row.get("event_type", String.class)).all()
                .collectList().block();
    }

    protected static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    protected WebTestClient.ResponseSpec paymentsOf(UUID orderId, String accessToken) {
        return web.get().uri("/api/payments?orderId={id}", orderId)
                .headers(headers -> headers.setBearerAuth(accessToken)).exchange();
    }
}
