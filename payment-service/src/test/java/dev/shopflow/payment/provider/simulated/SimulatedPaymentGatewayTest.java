package dev.shopflow.payment.provider.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.payment.PaymentProperties;
import dev.shopflow.payment.provider.ChargeOutcome;
import dev.shopflow.payment.provider.ChargeRequest;
import dev.shopflow.payment.provider.ProviderTrouble;
import dev.shopflow.payment.provider.RefundOutcome;
import dev.shopflow.payment.provider.RefundRequest;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The simulator answers as Stripe test mode does for Stripe's documented test payment methods. */
class SimulatedPaymentGatewayTest {

    private final SimulatedPaymentGateway simulator = new SimulatedPaymentGateway(
            new PaymentProperties.Simulator(Duration.ZERO, 0), new Random(1));

    @ParameterizedTest
    @ValueSource(strings = {"pm_card_visa", "pm_card_visa_debit", "pm_card_mastercard", "pm_card_amex",
            "pm_card_discover", "pm_card_jcb", "pm_card_unionpay", "pm_card_de"})
    void chargesStripesSucceedingTestPaymentMethods(String paymentMethod) {
        var outcome = charge(paymentMethod);

        assertThat(outcome).isInstanceOfSatisfying(ChargeOutcome.Charged.class,
                charged -> assertThat(charged.providerPaymentId()).startsWith("pi_sim_"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pm_card_chargeDeclined                      | generic_decline        | Your card was declined.",
            "pm_card_visa_chargeDeclined                 | generic_decline        | Your card was declined.",
            "pm_card_chargeDeclinedInsufficientFunds     | insufficient_funds     | Your card has insufficient funds.",
            "pm_card_visa_chargeDeclinedInsufficientFunds| insufficient_funds     | Your card has insufficient funds.",
            "pm_card_chargeDeclinedLostCard              | lost_card              | Your card was declined.",
            "pm_card_chargeDeclinedStolenCard            | stolen_card            | Your card was declined.",
            "pm_card_chargeDeclinedFraudulent            | fraudulent             | Your card was declined.",
            "pm_card_chargeDeclinedExpiredCard           | expired_card           | Your card has expired.",
            "pm_card_chargeDeclinedIncorrectCvc          | incorrect_cvc          | Your card's security code is incorrect.",
            "pm_card_chargeDeclinedProcessingError       | processing_error       | An error occurred while processing your card. Try again in a little bit.",
            "pm_card_chargeDeclinedVelocityLimitExceeded | card_velocity_exceeded | Your card was declined for making repeated attempts too frequently or exceeding its amount limit.",
            "pm_card_authenticationRequired              | authentication_required | The card needs the customer to authenticate the payment (3-D Secure), which a charge made without the customer cannot do."})
    void declinesStripesDecliningTestPaymentMethodsWithTheirDeclineCodes(String paymentMethod, String code, String message) {
        var outcome = charge(paymentMethod);

        assertThat(outcome).isInstanceOfSatisfying(ChargeOutcome.Declined.class, declined -> {
            assertThat(declined.declineCode()).isEqualTo(code);
            assertThat(declined.reason()).isEqualTo(message);
            assertThat(declined.providerPaymentId()).startsWith("pi_sim_");
        });
    }

    @Test
    void refusesAPaymentMethodThatDoesNotExistAsStripeDoes() {
        assertThat(charge("pm_card_nonsense")).isEqualTo(new ChargeOutcome.Declined(null, "resource_missing",
                "No such PaymentMethod: 'pm_card_nonsense'"));
    }

    @Test
    void answersARepeatedIdempotencyKeyWithTheFirstAnswer() {
        var request = ChargeRequest.forOrder(UUID.randomUUID(), 1999, "EUR", "pm_card_visa");

        var first = simulator.charge(request).block();
        var again = simulator.charge(request).block();

        assertThat(again).isEqualTo(first);
        assertThat(simulator.charge(ChargeRequest.forOrder(UUID.randomUUID(), 1999, "EUR", "pm_card_visa")).block())
                .as("another order").isNotEqualTo(first);
    }

    @Test
    void refundsItsOwnChargesOnceAndRefusesOthers() {
        UUID orderId = UUID.randomUUID();
        var charged = (ChargeOutcome.Charged) simulator.charge(ChargeRequest.forOrder(orderId, 1999, "EUR", "pm_card_visa")).block();
        var refund = RefundRequest.forOrder(orderId, charged.providerPaymentId(), 1999, "EUR");

        var refunded = simulator.refund(refund).block();

        assertThat(refunded).isInstanceOfSatisfying(RefundOutcome.Refunded.class,
                done -> assertThat(done.providerRefundId()).startsWith("re_sim_"));
        assertThat(simulator.refund(refund).block()).isEqualTo(refunded);
        assertThat(simulator.refund(RefundRequest.forOrder(UUID.randomUUID(), "pi_real", 1999, "EUR")).block())
                .isInstanceOf(RefundOutcome.Rejected.class);
    }

    @Test
    void failsLikeAStripeOutageAtTheConfiguredRate() {
        var failing = new SimulatedPaymentGateway(new PaymentProperties.Simulator(Duration.ZERO, 1.0), new Random(1));

        StepVerifier.create(failing.charge(ChargeRequest.forOrder(UUID.randomUUID(), 1999, "EUR", "pm_card_visa")))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(ProviderTrouble.class,
                        trouble -> assertThat(trouble.isRetryable()).isTrue()))
                .verify();
    }

    @Test
    void takesTheConfiguredLatencyToAnswer() {
        var slow = new SimulatedPaymentGateway(new PaymentProperties.Simulator(Duration.ofSeconds(3), 0), new Random(1));

        StepVerifier.withVirtualTime(() -> slow.charge(ChargeRequest.forOrder(UUID.randomUUID(), 1999, "EUR", "pm_card_visa")))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(2_900))
                .thenAwait(Duration.ofMillis(100))
                .expectNextMatches(ChargeOutcome.Charged.class::isInstance)
                .verifyComplete();
    }

    private ChargeOutcome charge(String paymentMethod) {
        return simulator.charge(ChargeRequest.forOrder(UUID.randomUUID(), 1999, "EUR", paymentMethod)).block();
    }
}
