package dev.shopflow.payment.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.net.Webhook;
import dev.shopflow.payment.PaymentServiceTest;
import dev.shopflow.payment.StripeFake;
import dev.shopflow.platform.testsupport.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code POST /webhooks/stripe}: signed events reconcile payments Stripe settles later; a missing, wrong, stale or
 * tampered signature is refused and changes nothing; a replayed event is applied once.
 */
class StripeWebhookTest extends PaymentServiceTest {

    @Test
    void settlesAPaymentThatStripeConfirmsLater() {
        UUID orderId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        String intent = awaitingConfirmation(orderId, userId);

        deliver(event("payment_intent.succeeded", StripeFake.paymentIntent(intent, orderId, "succeeded")))
                .expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("RECONCILED");

        Map<String, Object> succeeded = awaitPaymentEvent(orderId, "shopflow.payment.succeeded.v1");
        assertThat(succeeded.get("amount")).isEqualTo(Map.of("amount", 1999, "currency", "EUR"));
        paymentsOf(orderId, TestTokens.customer(userId)).expectBody().jsonPath("$.items[0].status").isEqualTo("SUCCEEDED");
    }

    @Test
    void failsAPaymentThatStripeDeclinesLater() {
        UUID orderId = UUID.randomUUID();
        String intent = awaitingConfirmation(orderId, UUID.randomUUID());
        String declined = """
                {"id": "%s", "object": "payment_intent", "status": "requires_payment_method", "metadata": {"order_id": "%s"},
                 "last_payment_error": {"type": "card_error", "code": "card_declined", "decline_code": "lost_card",
                                        "message": "Your card was declined."}}""".formatted(intent, orderId);

        deliver(event("payment_intent.payment_failed", declined)).expectStatus().isOk();

        Map<String, Object> failed = awaitPaymentEvent(orderId, "shopflow.payment.failed.v1");
        assertThat(failed.get("declineCode")).isEqualTo("lost_card");
        assertThat(failed.get("reason")).isEqualTo("Your card was declined.");
    }

    @Test
    void appliesAReplayedEventOnce() {
        UUID orderId = UUID.randomUUID();
        String intent = awaitingConfirmation(orderId, UUID.randomUUID());
        String event = event("payment_intent.succeeded", StripeFake.paymentIntent(intent, orderId, "succeeded"));
        String signature = StripeFake.signature(event, StripeFake.WEBHOOK_SECRET, Instant.now().getEpochSecond());

        deliver(event, signature).expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("RECONCILED");
        deliver(event, signature).expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("DUPLICATE");

        awaitPaymentEvent(orderId, "shopflow.payment.succeeded.v1");
        assertThat(emittedTypes(orderId)).containsExactly("shopflow.payment.succeeded.v1");
    }

    @Test
    void refusesAMissingWrongTamperedOrStaleSignatureAndChangesNothing() {
        UUID orderId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        String intent = awaitingConfirmation(orderId, userId);
        String event = event("payment_intent.succeeded", StripeFake.paymentIntent(intent, orderId, "succeeded"));
        long now = Instant.now().getEpochSecond();

        refused(web.post().uri("/webhooks/stripe").contentType(MediaType.APPLICATION_JSON).bodyValue(event).exchange());
        refused(deliver(event, StripeFake.signature(event, "whsec_someone_else", now)));
        refused(deliver(event.replace("succeeded", "succeeded "), StripeFake.signature(event, StripeFake.WEBHOOK_SECRET, now)));
        refused(deliver(event, StripeFake.signature(event, StripeFake.WEBHOOK_SECRET, now - 10 * 60)));
        refused(deliver(event, "t=" + now + ",v1=not-hex"));

        paymentsOf(orderId, TestTokens.customer(userId)).expectBody().jsonPath("$.items[0].status").isEqualTo("PENDING");
        assertThat(emittedTypes(orderId)).isEmpty();
    }

    @Test
    void readsAnEventOfAnotherApiVersionThanStripeJavasOwn() throws Exception {
        UUID orderId = UUID.randomUUID();
        String intent = awaitingConfirmation(orderId, UUID.randomUUID());
        String event = event("payment_intent.succeeded", StripeFake.paymentIntent(intent, orderId, "succeeded"))
                .replace(com.stripe.Stripe.API_VERSION, "2019-02-19");
        String signature = StripeFake.signature(event, StripeFake.WEBHOOK_SECRET, Instant.now().getEpochSecond());
        assertThat(Webhook.constructEvent(event, signature, StripeFake.WEBHOOK_SECRET).getDataObjectDeserializer().getObject())
                .as("stripe-java's typed object is not available for another API version").isEmpty();

        deliver(event, signature).expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("RECONCILED");

        awaitPaymentEvent(orderId, "shopflow.payment.succeeded.v1");
    }

    @Test
    void acknowledgesAndIgnoresEventTypesItDoesNotHandle() {
        deliver(event("customer.created", "{\"id\": \"cus_1\", \"object\": \"customer\"}"))
                .expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("IGNORED");
        deliver(event("payment_intent.succeeded", StripeFake.paymentIntent("pi_not_ours", UUID.randomUUID(), "succeeded")))
                .expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("IGNORED");
    }

    @Test
    void refusesASignedBodyThatIsNotAStripeEventAndRecordsNothing() {
        for (String notAnEvent : List.of("this is not json", "{}", "[1, 2]",
                "{\"id\": \"evt_x\", \"object\": \"event\", \"type\": \"payment_intent.succeeded\", \"data\": {}}",
                "{\"id\": \"evt_y\", \"object\": \"event\", \"type\": \"charge.refunded\","
                        + " \"data\": {\"object\": {\"id\": \"ch_1\", \"refunded\": true}}}")) {
            deliver(notAnEvent, StripeFake.signature(notAnEvent, StripeFake.WEBHOOK_SECRET, Instant.now().getEpochSecond()))
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/invalid-stripe-event");
        }
        assertThat(database.sql("SELECT count(*) AS n FROM stripe_events WHERE event_id IN ('evt_x', 'evt_y')")
                .map(row -> row.get("n", Long.class)).one().block()).isZero();
    }

    @Test
    void acknowledgesAnEventOfAnotherTypeWhateverItsObjectLooksLike() {
        deliver(event("balance.available", "{\"object\": \"balance\", \"available\": []}"))
                .expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("IGNORED");
    }

    @Test
    void refundsAChargeThatStripeConfirmsAfterTheOrderWasCancelled() {
        UUID orderId = UUID.randomUUID();
        String intent = awaitingConfirmation(orderId, UUID.randomUUID());
        stripe.answerRefund(orderId);
        awaitApplied(cancelOrder(UUID.randomUUID(), orderId, "TIMED_OUT"));
        assertThat(stripe.refundRequests(orderId)).as("nothing charged yet").isEmpty();

        deliver(event("payment_intent.succeeded", StripeFake.paymentIntent(intent, orderId, "succeeded")))
                .expectStatus().isOk();

        awaitPaymentEvent(orderId, "shopflow.payment.refunded.v1");
        assertThat(stripe.refundRequests(orderId)).hasSize(1);
        assertThat(emittedTypes(orderId)).containsExactly("shopflow.payment.succeeded.v1", "shopflow.payment.refunded.v1");
    }

    @Test
    void recordsARefundMadeInStripesDashboard() {
        UUID orderId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        String intent = stripe.answerChargeWith(orderId, "succeeded");
        requestPayment(orderId, userId, 1999, "pm_card_visa");
        awaitPaymentEvent(orderId, "shopflow.payment.succeeded.v1");
        String charge = """
                {"id": "ch_1", "object": "charge", "payment_intent": "%s", "refunded": true, "amount_refunded": 1999,
                 "metadata": {}, "refunds": {"object": "list", "data": [{"id": "re_dashboard", "object": "refund"}]}}"""
                .formatted(intent);

        deliver(event("charge.refunded", charge)).expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("RECONCILED");

        awaitPaymentEvent(orderId, "shopflow.payment.refunded.v1");
        paymentsOf(orderId, TestTokens.customer(userId)).expectBody().jsonPath("$.items[0].status").isEqualTo("REFUNDED");
        assertThat(stripe.refundRequests(orderId)).as("Stripe refunded it, not this service").isEmpty();
    }

    /** A payment that Stripe took but has not confirmed: it stays pending, with the PaymentIntent's id. */
    private String awaitingConfirmation(UUID orderId, UUID userId) {
        String intent = stripe.answerChargeWith(orderId, "processing");
        awaitApplied(requestPayment(orderId, userId, 1999, "pm_card_visa"));
        await().atMost(PATIENCE).until(() -> intent.equals(database.sql(
                        "SELECT coalesce(provider_payment_id, '') AS id FROM payments WHERE order_id = :orderId")
                .bind("orderId", orderId).map(row -> row.get("id", String.class)).one().block()));
        return intent;
    }

    private static String event(String type, String object) {
        return """
                {"id": "evt_%s", "object": "event", "api_version": "%s", "created": %d, "livemode": false,
                 "pending_webhooks": 1, "request": {"id": null, "idempotency_key": null}, "type": "%s",
                 "data": {"object": %s}}""".formatted(UUID.randomUUID().toString().replace("-", ""),
                com.stripe.Stripe.API_VERSION, Instant.now().getEpochSecond(), type, object);
    }

    private WebTestClient.ResponseSpec deliver(String event) {
        return deliver(event, StripeFake.signature(event, StripeFake.WEBHOOK_SECRET, Instant.now().getEpochSecond()));
    }

    private WebTestClient.ResponseSpec deliver(String event, String signature) {
        return web.post().uri("/webhooks/stripe").contentType(MediaType.APPLICATION_JSON)
                .header("Stripe-Signature", signature).bodyValue(event).exchange();
    }

    private static void refused(WebTestClient.ResponseSpec answer) {
        answer.expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/invalid-stripe-signature");
    }
}
