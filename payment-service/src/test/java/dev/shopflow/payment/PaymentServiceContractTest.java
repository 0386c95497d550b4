package dev.shopflow.payment;

import static org.awaitility.Awaitility.await;

import dev.shopflow.platform.testsupport.DatabaseServiceContract;
import dev.shopflow.platform.testsupport.KafkaServiceContract;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.r2dbc.core.DatabaseClient;

/** What every service promises, in payment-service's default configuration (the simulated provider). */
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class PaymentServiceContractTest extends DatabaseServiceContract implements KafkaServiceContract {

    @Autowired
    private KafkaTemplate<String, String> kafka;

    @Autowired
    private DatabaseClient database;

    @Override
    public List<String> declaredTopics() {
        return List.of("payments.v1", "orders.v1");
    }

    @Override
    public String deadLettersPath() {
        return "/api/payments/admin/dead-letters";
    }

    @Override
    protected List<String> readinessDependencies() {
        return List.of("r2dbc", "kafka");
    }

    @Override
    protected List<String> ownTables() {
        return List.of("payments", "refunds", "stripe_events", "order_cancellations", "outbox", "inbox");
    }

    @Test
    void chargesThroughTheSimulatedProviderByDefault() {
        var orderEvents = new OrderEventsFixture(kafka);
        UUID charged = UUID.randomUUID();
        UUID declined = UUID.randomUUID();

        orderEvents.requestPayment(UUID.randomUUID(), charged, UUID.randomUUID(), 1999, "pm_card_visa");
        orderEvents.requestPayment(UUID.randomUUID(), declined, UUID.randomUUID(), 1999, "pm_card_chargeDeclinedExpiredCard");

        await().atMost(Duration.ofSeconds(30)).until(() -> "SUCCEEDED simulated".equals(payment(charged))
                && "FAILED simulated expired_card".equals(payment(declined)));
    }

    @Test
    void refusesStripeWebhooksUntilASigningSecretIsConfigured() {
        String event = "{\"id\": \"evt_1\", \"object\": \"event\", \"type\": \"payment_intent.succeeded\"}";

        web.post().uri("/webhooks/stripe").contentType(MediaType.APPLICATION_JSON)
                .header("Stripe-Signature", StripeFake.signature(event, "whsec_guess", Instant.now().getEpochSecond()))
                .bodyValue(event).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/stripe-webhooks-not-configured");
    }

    private String payment(UUID orderId) {
        return database.sql("""
                        SELECT concat_ws(' ', status, provider, decline_code) AS payment FROM payments
                        WHERE order_id = :orderId""")
                .bind("orderId", orderId).map(row -> row.get("payment", String.class)).one().blockOptional().orElse("");
    }
}
