package dev.shopflow.payment.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shopflow.payment.PaymentServiceTest;
import dev.shopflow.payment.charge.domain.Payment;
import dev.shopflow.platform.testsupport.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The saga's side of payments, through Kafka, the inbox, stripe-java against a fake Stripe, and the outbox: charge on
 * PaymentRequested, once however often it arrives; decline; a provider that stays down; refund on OrderCancelled,
 * once; never charge a cancelled order.
 */
class ChargingTest extends PaymentServiceTest {

    @LocalManagementPort
    private int managementPort;

    /** Metrics are served on the management port only. */
    private WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
    }


    @Test
    void chargesARequestedPaymentAndEmitsPaymentSucceeded() {
        UUID orderId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        String intent = stripe.answerChargeWith(orderId, "succeeded");

        requestPayment(orderId, userId, 3998, "pm_card_visa");

        Map<String, Object> succeeded = awaitPaymentEvent(orderId, "shopflow.payment.succeeded.v1");
        assertThat(succeeded.get("orderId")).isEqualTo(orderId.toString());
        assertThat(succeeded.get("amount")).isEqualTo(Map.of("amount", 3998, "currency", "EUR"));
        assertThat(stripe.chargeRequests(orderId)).singleElement().satisfies(sent -> {
            assertThat(sent.formParameters().get("amount").firstValue()).isEqualTo("3998");
            assertThat(sent.formParameters().get("payment_method").firstValue()).isEqualTo("pm_card_visa");
            assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("shopflow-charge-" + orderId);
        });
        paymentsOf(orderId, TestTokens.customer(userId)).expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(succeeded.get("paymentId"))
                .jsonPath("$.items[0].status").isEqualTo("SUCCEEDED")
                .jsonPath("$.items[0].provider").isEqualTo("stripe")
                .jsonPath("$.items[0].amount.amount").isEqualTo(3998)
                .jsonPath("$.items[0].amount.currency").isEqualTo("EUR")
                .jsonPath("$.items[0].declineCode").isEmpty();
        assertThat(providerPaymentId(orderId)).isEqualTo(intent);
    }

    @Test
    void chargesOnceWhenThePaymentIsRequestedAgain() {
        UUID orderId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        stripe.answerChargeWith(orderId, "succeeded");
        UUID eventId = UUID.randomUUID();

        requestPayment(eventId, orderId, userId, 1999, "pm_card_visa");
        requestPayment(eventId, orderId, userId, 1999, "pm_card_visa");
        UUID another = requestPayment(orderId, userId, 1999, "pm_card_visa");
        awaitApplied(another);

        awaitPaymentEvent(orderId, "shopflow.payment.succeeded.v1");
        assertThat(stripe.chargeRequests(orderId)).as("one charge").hasSize(1);
        assertThat(emittedTypes(orderId)).containsExactly("shopflow.payment.succeeded.v1");
    }

    @Test
    void emitsPaymentFailedWithStripesDeclineCodeAndNeverRetriesTheDecline() {
        UUID orderId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        stripe.declineCharge(orderId, "card_declined", "insufficient_funds", "Your card has insufficient funds.");

        requestPayment(orderId, userId, 1999, "pm_card_chargeDeclinedInsufficientFunds");

        Map<String, Object> failed = awaitPaymentEvent(orderId, "shopflow.payment.failed.v1");
        assertThat(failed.get("declineCode")).isEqualTo("insufficient_funds");
        assertThat(failed.get("reason")).isEqualTo("Your card has insufficient funds.");
        assertThat(stripe.chargeRequests(orderId)).hasSize(1);
        paymentsOf(orderId, TestTokens.customer(userId)).expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].status").isEqualTo("FAILED")
                .jsonPath("$.items[0].declineCode").isEqualTo("insufficient_funds")
                .jsonPath("$.items[0].failureReason").isEqualTo("Your card has insufficient funds.");
    }

    @Test
    void failsThePaymentWithAClearReasonWhenStripeStaysDown() {
        UUID orderId = UUID.randomUUID();
        stripe.failCharge(orderId, 500, "api_error", null, "Something went wrong on Stripe's end.");

        requestPayment(orderId, UUID.randomUUID(), 1999, "pm_card_visa");

        Map<String, Object> failed = awaitPaymentEvent(orderId, "shopflow.payment.failed.v1");
        assertThat(failed.get("declineCode")).isNull();
        assertThat((String) failed.get("reason")).contains("could not be used").contains("HTTP 500");
        assertThat(stripe.chargeRequests(orderId)).as("retried, then given up").hasSize(3);
    }

    @Test
    void refundsAChargedOrderOnceWhenItIsCancelled() {
        UUID orderId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        String intent = stripe.answerChargeWith(orderId, "succeeded");
        stripe.answerRefund(orderId);
        requestPayment(orderId, userId, 2500, "pm_card_visa");
        Map<String, Object> succeeded = awaitPaymentEvent(orderId, "shopflow.payment.succeeded.v1");

        UUID cancelled = UUID.randomUUID();
        cancelOrder(cancelled, orderId, "CUSTOMER_CANCELLED");
        cancelOrder(cancelled, orderId, "CUSTOMER_CANCELLED");
        awaitApplied(cancelOrder(UUID.randomUUID(), orderId, "TIMED_OUT"));

        Map<String, Object> refunded = awaitPaymentEvent(orderId, "shopflow.payment.refunded.v1");
        assertThat(refunded.get("paymentId")).isEqualTo(succeeded.get("paymentId"));
        assertThat(refunded.get("amount")).isEqualTo(Map.of("amount", 2500, "currency", "EUR"));
        assertThat(stripe.refundRequests(orderId)).as("one refund").singleElement().satisfies(sent -> {
            assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("shopflow-refund-" + orderId);
            assertThat(sent.formParameters().get("payment_intent").firstValue()).isEqualTo(intent);
        });
        assertThat(emittedTypes(orderId)).containsExactly("shopflow.payment.succeeded.v1", "shopflow.payment.refunded.v1");
        paymentsOf(orderId, TestTokens.customer(userId)).expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].status").isEqualTo("REFUNDED");
    }

    @Test
    void refundsNothingWhenACancelledOrdersPaymentHadFailed() {
        UUID orderId = UUID.randomUUID();
        stripe.declineCharge(orderId, "card_declined", "generic_decline", "Your card was declined.");
        requestPayment(orderId, UUID.randomUUID(), 1999, "pm_card_chargeDeclined");
        awaitPaymentEvent(orderId, "shopflow.payment.failed.v1");

        awaitApplied(cancelOrder(UUID.randomUUID(), orderId, "PAYMENT_DECLINED"));

        assertThat(stripe.refundRequests(orderId)).isEmpty();
        assertThat(emittedTypes(orderId)).containsExactly("shopflow.payment.failed.v1");
    }

    @Test
    void neverChargesAnOrderCancelledBeforeItsPaymentWasRequested() {
        UUID orderId = UUID.randomUUID();
        stripe.answerChargeWith(orderId, "succeeded");
        cancelOrder(UUID.randomUUID(), orderId, "TIMED_OUT");

        requestPayment(orderId, UUID.randomUUID(), 1999, "pm_card_visa");

        Map<String, Object> failed = awaitPaymentEvent(orderId, "shopflow.payment.failed.v1");
        assertThat(failed.get("reason")).isEqualTo(Payment.ORDER_CANCELLED_BEFORE_CHARGE);
        assertThat(failed.get("declineCode")).isNull();
        assertThat(stripe.chargeRequests(orderId)).isEmpty();
    }

    @Test
    void keepsARefundStripeKeepsRefusingAsADeadLetterForAnAdministrator() {
        UUID orderId = UUID.randomUUID();
        stripe.answerChargeWith(orderId, "succeeded");
        stripe.failRefund(orderId, 503, "api_error", null, "Service unavailable.");
        requestPayment(orderId, UUID.randomUUID(), 1999, "pm_card_visa");
        awaitPaymentEvent(orderId, "shopflow.payment.succeeded.v1");

        UUID cancelled = cancelOrder(UUID.randomUUID(), orderId, "CUSTOMER_CANCELLED");

        assertThat(awaitDeadLetter(cancelled, "exceptionMessage")).contains("could not be refunded").contains("HTTP 503");
        assertThat(emittedTypes(orderId)).containsExactly("shopflow.payment.succeeded.v1");
    }

    @Test
    void sendsAnUnreadablePaymentRequestedToTheDeadLetterTopicWithoutCharging() {
        UUID orderId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        orderEvents().publish(eventId, "shopflow.order.payment-requested.v1", orderId,
                "{\"eventId\":\"" + eventId + "\",\"orderId\":\"" + orderId + "\",\"amount\":{\"amount\":-5,\"currency\":\"EUR\"}}");

        assertThat(awaitDeadLetter(eventId, "exceptionClass")).isEqualTo("dev.shopflow.platform.kafka.MalformedEvent");
        assertThat(stripe.chargeRequests(orderId)).isEmpty();
    }

    @Test
    void countsPaymentsByOutcomeAndDeclineCodeAndTimesEachProviderCall() {
        UUID declined = UUID.randomUUID();
        stripe.declineCharge(declined, "card_declined", "stolen_card", "Your card was declined.");
        requestPayment(declined, UUID.randomUUID(), 1999, "pm_card_chargeDeclinedStolenCard");
        awaitPaymentEvent(declined, "shopflow.payment.failed.v1");
        UUID charged = UUID.randomUUID();
        stripe.answerChargeWith(charged, "succeeded");
        requestPayment(charged, UUID.randomUUID(), 1999, "pm_card_visa");
        awaitPaymentEvent(charged, "shopflow.payment.succeeded.v1");

        String metrics = management().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics)
                .containsPattern("shopflow_payments_failed_total\\{[^}]*decline_code=\"stolen_card\"[^}]*} 1\\.0")
                .containsPattern("shopflow_payments_succeeded_total\\{[^}]*} [1-9]")
                .containsPattern("shopflow_payments_provider_calls_seconds_count\\{[^}]*operation=\"charge\",outcome=\"declined\",provider=\"stripe\"} [1-9]")
                .contains("resilience4j_circuitbreaker_state{");
    }

    /** Waits for the order event to be a dead letter of this service, as administrators see it; one of its fields. */
    private String awaitDeadLetter(UUID eventId, String field) {
        return await().atMost(PATIENCE).until(() -> deadLetterField(eventId, field), Objects::nonNull);
    }

    @SuppressWarnings("unchecked")
    private String deadLetterField(UUID eventId, String field) {
        Map<String, List<Map<String, Object>>> deadLetters = web.get().uri("/api/payments/admin/dead-letters?topic=orders.v1")
                .headers(headers -> headers.setBearerAuth(TestTokens.admin())).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return deadLetters.get("items").stream().filter(item -> eventId.toString().equals(item.get("eventId")))
                .map(item -> (String) item.get(field)).findFirst().orElse(null);
    }

    private String providerPaymentId(UUID orderId) {
        return database.sql("SELECT provider_payment_id FROM payments WHERE order_id = :orderId").bind("orderId", orderId)
                .map(row -> row.get("provider_payment_id", String.class)).one().block();
    }
}
