package dev.shopflow.payment.provider.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopflow.payment.PaymentProperties;
import dev.shopflow.payment.StripeFake;
import dev.shopflow.payment.provider.ChargeOutcome;
import dev.shopflow.payment.provider.ChargeRequest;
import dev.shopflow.payment.provider.ProviderTrouble;
import dev.shopflow.payment.provider.RefundOutcome;
import dev.shopflow.payment.provider.RefundRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The stripe adapter alone (no retries) against a fake Stripe over HTTP: the exact requests, and Stripe's answers. */
class StripePaymentGatewayTest {

    static StripeFake stripe;
    static StripePaymentGateway gateway;

    @BeforeAll
    static void connect() {
        stripe = StripeFake.start();
        gateway = StripePaymentGateway.connect(new PaymentProperties.Stripe(StripeFake.API_KEY, stripe.apiBase(), null,
                Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofSeconds(2), 4));
    }

    @AfterAll
    static void disconnect() {
        gateway.close();
        stripe.stop();
    }

    @Test
    void refusesToStartWithoutASecretKey() {
        assertThatThrownBy(() -> StripePaymentGateway.connect(new PaymentProperties.Stripe(" ", stripe.apiBase(), null,
                Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofSeconds(2), 4)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("STRIPE_API_KEY");
    }

    @Test
    void createsAndConfirmsAPaymentIntentWithTheOrdersAmountMethodMetadataAndIdempotencyKey() {
        UUID orderId = UUID.randomUUID();
        String intent = stripe.answerChargeWith(orderId, "succeeded");

        StepVerifier.create(gateway.charge(ChargeRequest.forOrder(orderId, 1999, "EUR", "pm_card_visa")))
                .expectNext(new ChargeOutcome.Charged(intent))
                .verifyComplete();

        stripe.verify(1, stripe.chargesOf(orderId)
                .withHeader("Authorization", equalTo("Bearer " + StripeFake.API_KEY))
                .withHeader("Idempotency-Key", equalTo("shopflow-charge-" + orderId))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded;charset=UTF-8"))
                .withFormParam("amount", equalTo("1999"))
                .withFormParam("currency", equalTo("eur"))
                .withFormParam("payment_method", equalTo("pm_card_visa"))
                .withFormParam("payment_method_types[0]", equalTo("card"))
                .withFormParam("confirm", equalTo("true"))
                .withFormParam("metadata[order_id]", equalTo(orderId.toString())));
    }

    @Test
    void sendsTheSameIdempotencyKeyEveryTimeTheSameOrderIsCharged() {
        UUID orderId = UUID.randomUUID();
        stripe.answerChargeWith(orderId, "succeeded");
        var request = ChargeRequest.forOrder(orderId, 500, "USD", "pm_card_mastercard");

        gateway.charge(request).block();
        gateway.charge(request).block();

        assertThat(stripe.chargeRequests(orderId)).hasSize(2)
                .allSatisfy(sent -> assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("shopflow-charge-" + orderId));
    }

    @Test
    void answersACardErrorWithTheDeclineCodeAndStripesMessage() {
        UUID orderId = UUID.randomUUID();
        String intent = stripe.declineCharge(orderId, "card_declined", "insufficient_funds", "Your card has insufficient funds.");

        StepVerifier.create(gateway.charge(ChargeRequest.forOrder(orderId, 1999, "EUR", "pm_card_chargeDeclinedInsufficientFunds")))
                .expectNext(new ChargeOutcome.Declined(intent, "insufficient_funds", "Your card has insufficient funds."))
                .verifyComplete();
    }

    @Test
    void usesTheErrorCodeOfACardErrorWithoutDeclineCode() {
        UUID orderId = UUID.randomUUID();
        String intent = stripe.declineCharge(orderId, "expired_card", null, "Your card has expired.");

        StepVerifier.create(gateway.charge(ChargeRequest.forOrder(orderId, 1999, "EUR", "pm_card_chargeDeclinedExpiredCard")))
                .expectNext(new ChargeOutcome.Declined(intent, "expired_card", "Your card has expired."))
                .verifyComplete();
    }

    @Test
    void declinesAnUnknownPaymentMethodAsStripeRefusesIt() {
        UUID orderId = UUID.randomUUID();
        stripe.failCharge(orderId, 400, "invalid_request_error", "resource_missing", "No such PaymentMethod: 'pm_nope'");

        StepVerifier.create(gateway.charge(ChargeRequest.forOrder(orderId, 1999, "EUR", "pm_nope")))
                .expectNext(new ChargeOutcome.Declined(null, "resource_missing", "No such PaymentMethod: 'pm_nope'"))
                .verifyComplete();
    }

    @Test
    void awaitsConfirmationOfAPaymentIntentThatIsProcessing() {
        UUID orderId = UUID.randomUUID();
        String intent = stripe.answerChargeWith(orderId, "processing");

        StepVerifier.create(gateway.charge(ChargeRequest.forOrder(orderId, 1999, "EUR", "pm_card_visa")))
                .expectNext(new ChargeOutcome.AwaitingConfirmation(intent))
                .verifyComplete();
    }

    @Test
    void declinesAPaymentIntentThatNeedsTheCustomerToAuthenticate() {
        UUID orderId = UUID.randomUUID();
        String intent = stripe.answerChargeWith(orderId, "requires_action");

        StepVerifier.create(gateway.charge(ChargeRequest.forOrder(orderId, 1999, "EUR", "pm_card_authenticationRequired")))
                .assertNext(outcome -> assertThat(outcome).isInstanceOfSatisfying(ChargeOutcome.Declined.class,
                        declined -> {
                            assertThat(declined.providerPaymentId()).isEqualTo(intent);
                            assertThat(declined.declineCode()).isEqualTo("authentication_required");
                        }))
                .verifyComplete();
    }

    @Test
    void signalsRateLimitingAKeyStillInUseAndServerErrorsAsTroubleWorthRetrying() {
        for (int status : new int[] {409, 429, 500, 503}) {
            UUID orderId = UUID.randomUUID();
            switch (status) {
                case 409 -> stripe.failCharge(orderId, status, "invalid_request_error", "idempotency_key_in_use",
                        "There is currently another in-progress request using this Idempotency Key.");
                case 429 -> stripe.failCharge(orderId, status, "invalid_request_error", "rate_limit", "Too many requests.");
                default -> stripe.failCharge(orderId, status, "api_error", null, "Try again later.");
            }

            StepVerifier.create(gateway.charge(ChargeRequest.forOrder(orderId, 1999, "EUR", "pm_card_visa")))
                    .expectErrorSatisfies(error -> assertThat(error).as("HTTP %s", status)
                            .isInstanceOfSatisfying(ProviderTrouble.class, trouble -> {
                                assertThat(trouble.isRetryable()).isTrue();
                                assertThat(trouble.getMessage()).contains("HTTP " + status);
                            }))
                    .verify();
        }
    }

    @Test
    void signalsARefusedApiKeyAsTroubleThatRetryingWillNotFix() {
        UUID orderId = UUID.randomUUID();
        stripe.failCharge(orderId, 401, "invalid_request_error", null, "Invalid API Key provided: sk_test_****");

        StepVerifier.create(gateway.charge(ChargeRequest.forOrder(orderId, 1999, "EUR", "pm_card_visa")))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(ProviderTrouble.class,
                        trouble -> assertThat(trouble.isRetryable()).isFalse()))
                .verify();
    }

    @Test
    void signalsAnAnswerThatTakesLongerThanTheReadTimeOutAsTroubleWorthRetrying() {
        UUID orderId = UUID.randomUUID();
        stripe.delayCharge(orderId, 3_000);

        StepVerifier.create(gateway.charge(ChargeRequest.forOrder(orderId, 1999, "EUR", "pm_card_visa")))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(ProviderTrouble.class,
                        trouble -> assertThat(trouble.isRetryable()).isTrue()))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void refundsTheWholePaymentIntentWithTheOrdersIdempotencyKey() {
        UUID orderId = UUID.randomUUID();
        String refund = stripe.answerRefund(orderId);

        StepVerifier.create(gateway.refund(RefundRequest.forOrder(orderId, "pi_123", 1999, "EUR")))
                .expectNext(new RefundOutcome.Refunded(refund))
                .verifyComplete();

        assertThat(stripe.refundRequests(orderId)).singleElement().satisfies(sent -> {
            assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("shopflow-refund-" + orderId);
            assertThat(sent.formParameters().get("payment_intent").firstValue()).isEqualTo("pi_123");
            assertThat(sent.formParameters().get("amount").firstValue()).isEqualTo("1999");
        });
    }

    @Test
    void treatsAChargeRefundedAlreadyAsRefundedAndOtherRefusalsAsRejected() {
        UUID refundedBefore = UUID.randomUUID();
        stripe.failRefund(refundedBefore, 400, "invalid_request_error", "charge_already_refunded",
                "Charge ch_1 has already been refunded.");
        UUID unknown = UUID.randomUUID();
        stripe.failRefund(unknown, 404, "invalid_request_error", "resource_missing", "No such payment_intent: 'pi_x'");

        StepVerifier.create(gateway.refund(RefundRequest.forOrder(refundedBefore, "pi_1", 1999, "EUR")))
                .expectNext(new RefundOutcome.Refunded(null))
                .verifyComplete();
        StepVerifier.create(gateway.refund(RefundRequest.forOrder(unknown, "pi_x", 1999, "EUR")))
                .expectNext(new RefundOutcome.Rejected("No such payment_intent: 'pi_x'"))
                .verifyComplete();
    }
}
