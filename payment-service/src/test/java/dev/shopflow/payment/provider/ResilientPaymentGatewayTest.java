package dev.shopflow.payment.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.payment.PaymentProperties;
import dev.shopflow.payment.StripeFake;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway the service uses, wired as the service wires it (stripe adapter, time limit, circuit breaker, retries),
 * against a fake Stripe over HTTP that times out, throttles and fails.
 */
class ResilientPaymentGatewayTest {

    static StripeFake stripe;

    SimpleMeterRegistry meters;
    ResilientPaymentGateway gateway;
    CircuitBreaker breaker;

    @BeforeAll
    static void startStripe() {
        stripe = StripeFake.start();
    }

    @AfterAll
    static void stopStripe() {
        stripe.stop();
    }

    @BeforeEach
    void wireGateway() {
        var resilience = new PaymentProperties.Resilience(Duration.ofMillis(400), 3, Duration.ofMillis(20),
                Duration.ofMillis(50), 4, 4, 50, Duration.ofMinutes(1));
        var properties = new PaymentProperties(PaymentProperties.Provider.STRIPE,
                new PaymentProperties.Stripe(StripeFake.API_KEY, stripe.apiBase(), null, Duration.ofMinutes(5),
                        Duration.ofSeconds(2), Duration.ofSeconds(5), 4),
                new PaymentProperties.Simulator(Duration.ZERO, 0), resilience);
        meters = new SimpleMeterRegistry();
        var configuration = new PaymentGatewayConfiguration();
        var breakers = configuration.paymentCircuitBreakers(properties, meters);
        gateway = configuration.paymentGateway(properties, breakers, configuration.paymentRetries(properties, meters), meters);
        breaker = breakers.circuitBreaker(PaymentGatewayConfiguration.INSTANCE);
    }

    @AfterEach
    void closeGateway() throws Exception {
        gateway.close();
    }

    @Test
    void retriesAThrottledChargeWithTheSameIdempotencyKeyAndCharges() {
        UUID orderId = UUID.randomUUID();
        String intent = stripe.failFirstChargeThenSucceed(orderId, 429);

        var outcome = gateway.charge(ChargeRequest.forOrder(orderId, 1999, "EUR", "pm_card_visa")).block();

        assertThat(outcome).isEqualTo(new ChargeOutcome.Charged(intent));
        assertThat(stripe.chargeRequests(orderId)).hasSize(2)
                .allSatisfy(sent -> assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("shopflow-charge-" + orderId));
    }

    @Test
    void retriesAStripeServerErrorAndCharges() {
        UUID orderId = UUID.randomUUID();
        String intent = stripe.failFirstChargeThenSucceed(orderId, 500);

        assertThat(gateway.charge(ChargeRequest.forOrder(orderId, 1999, "EUR", "pm_card_visa")).block())
                .isEqualTo(new ChargeOutcome.Charged(intent));
        assertThat(stripe.chargeRequests(orderId)).hasSize(2);
    }

    @Test
    void answersProviderUnavailableWithTheReasonWhenStripeKeepsFailing() {
        UUID orderId = UUID.randomUUID();
        stripe.failCharge(orderId, 500, "api_error", null, "Something went wrong on Stripe's end.");

        var outcome = gateway.charge(ChargeRequest.forOrder(orderId, 1999, "EUR", "pm_card_visa")).block();

        assertThat(outcome).isInstanceOfSatisfying(ChargeOutcome.ProviderUnavailable.class,
                unavailable -> assertThat(unavailable.reason()).contains("stripe").contains("HTTP 500"));
        assertThat(stripe.chargeRequests(orderId)).as("three attempts").hasSize(3);
    }

    @Test
    void givesUpOnAnAttemptAtTheTimeLimitAndAnswersProviderUnavailableAfterTheLastOne() {
        UUID orderId = UUID.randomUUID();
        stripe.delayCharge(orderId, 1_500);

        long started = System.nanoTime();
        var outcome = gateway.charge(ChargeRequest.forOrder(orderId, 1999, "EUR", "pm_card_visa")).block();

        assertThat(outcome).isInstanceOfSatisfying(ChargeOutcome.ProviderUnavailable.class,
                unavailable -> assertThat(unavailable.reason()).contains("did not answer within 400 ms"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("three attempts of 400 ms, not three of 1.5 s")
                .isLessThan(Duration.ofMillis(1_450));
        assertThat(meters.get("shopflow.payments.provider.calls").tag("outcome", "timeout").timer().count()).isEqualTo(3);
    }

    @Test
    void neverRetriesADecline() {
        UUID orderId = UUID.randomUUID();
        stripe.declineCharge(orderId, "card_declined", "generic_decline", "Your card was declined.");

        var outcome = gateway.charge(ChargeRequest.forOrder(orderId, 1999, "EUR", "pm_card_chargeDeclined")).block();

        assertThat(outcome).isInstanceOfSatisfying(ChargeOutcome.Declined.class,
                declined -> assertThat(declined.declineCode()).isEqualTo("generic_decline"));
        assertThat(stripe.chargeRequests(orderId)).hasSize(1);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).as("a decline is an answer, not a failure").isZero();
    }

    @Test
    void stopsCallingAFailingStripeOnceTheCircuitBreakerOpens() {
        UUID failing = UUID.randomUUID();
        stripe.failCharge(failing, 503, "api_error", null, "Service unavailable.");
        gateway.charge(ChargeRequest.forOrder(failing, 1999, "EUR", "pm_card_visa")).block();
        gateway.charge(ChargeRequest.forOrder(failing, 1999, "EUR", "pm_card_visa")).block();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        UUID next = UUID.randomUUID();
        stripe.answerChargeWith(next, "succeeded");
        var outcome = gateway.charge(ChargeRequest.forOrder(next, 1999, "EUR", "pm_card_visa")).block();

        assertThat(outcome).isInstanceOfSatisfying(ChargeOutcome.ProviderUnavailable.class,
                unavailable -> assertThat(unavailable.reason()).contains("circuit breaker open"));
        assertThat(stripe.chargeRequests(next)).as("not sent while the breaker is open").isEmpty();
    }

    @Test
    void answersARefundThatStripeKeepsFailingWithProviderUnavailable() {
        UUID orderId = UUID.randomUUID();
        stripe.failRefund(orderId, 502, "api_error", null, "Bad gateway.");

        var outcome = gateway.refund(RefundRequest.forOrder(orderId, "pi_1", 1999, "EUR")).block();

        assertThat(outcome).isInstanceOf(RefundOutcome.ProviderUnavailable.class);
        assertThat(stripe.refundRequests(orderId)).hasSize(3);
    }
}
