package dev.shopflow.payment.charge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopflow.payment.money.Money;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentTest {

    static final Instant NOW = Instant.parse("2026-11-21T09:30:00Z");
    static final Money AMOUNT = new Money(1999, "EUR");

    static Payment pending() {
        return Payment.request(UUID.randomUUID(), UUID.randomUUID(), AMOUNT, "pm_card_visa", "simulated");
    }

    @Test
    void startsPending() {
        var payment = pending();

        assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(payment.isPending()).isTrue();
        assertThat(payment.isCharged()).isFalse();
    }

    @Test
    void succeedsOnceWithTheAmountCharged() {
        var payment = pending();

        var succeeded = payment.succeed("pi_1", NOW);

        assertThat(succeeded).hasValueSatisfying(event -> {
            assertThat(event.orderId()).isEqualTo(payment.orderId());
            assertThat(event.paymentId()).isEqualTo(payment.id());
            assertThat(event.amount()).isEqualTo(AMOUNT);
            assertThat(event.occurredAt()).isEqualTo(NOW);
        });
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payment.providerPaymentId()).isEqualTo("pi_1");
        assertThat(payment.succeed("pi_1", NOW)).as("reported twice").isEmpty();
    }

    @Test
    void failsWithTheDeclineCodeAndReason() {
        var payment = pending();

        var failed = payment.fail("pi_1", "insufficient_funds", "Your card has insufficient funds.", NOW);

        assertThat(failed).hasValueSatisfying(event -> {
            assertThat(event.declineCode()).isEqualTo("insufficient_funds");
            assertThat(event.reason()).isEqualTo("Your card has insufficient funds.");
        });
        assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(payment.fail("pi_1", "insufficient_funds", "again", NOW)).isEmpty();
    }

    @Test
    void keepsASuccessWhenAFailureIsReportedLater() {
        var payment = pending();
        payment.succeed("pi_1", NOW);

        assertThat(payment.fail("pi_1", "generic_decline", "Your card was declined.", NOW)).isEmpty();
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payment.declineCode()).isNull();
    }

    @Test
    void succeedsAfterAllWhenTheProviderChargedAfterItWasGivenUpOn() {
        var payment = pending();
        payment.fail(null, null, "The payment provider did not answer.", NOW);

        assertThat(payment.succeed("pi_1", NOW)).isPresent();
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payment.failureReason()).isNull();
    }

    @Test
    void failsWithoutDeclineCodeWhenTheOrderWasCancelledFirst() {
        var payment = pending();

        assertThat(payment.failBecauseOrderWasCancelled(NOW)).hasValueSatisfying(event -> {
            assertThat(event.declineCode()).isNull();
            assertThat(event.reason()).isEqualTo(Payment.ORDER_CANCELLED_BEFORE_CHARGE);
        });
    }

    @Test
    void staysPendingWhileTheProviderConfirmsLater() {
        var payment = pending();

        payment.awaitConfirmation("pi_1");

        assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(payment.providerPaymentId()).isEqualTo("pi_1");
    }

    @Test
    void refundsACharge() {
        var payment = pending();
        payment.succeed("pi_1", NOW);

        assertThat(payment.refund(NOW)).hasValueSatisfying(event -> assertThat(event.amount()).isEqualTo(AMOUNT));
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(payment.isCharged()).isFalse();
        assertThat(payment.refund(NOW)).as("refunded twice").isEmpty();
        assertThat(payment.succeed("pi_1", NOW)).as("a late success report").isEmpty();
    }

    @Test
    void refusesToRefundWhatWasNeverCharged() {
        var pending = pending();
        var failed = pending();
        failed.fail(null, "generic_decline", "Your card was declined.", NOW);

        assertThatThrownBy(() -> pending.refund(NOW)).isInstanceOf(PaymentCannotBeRefunded.class);
        assertThatThrownBy(() -> failed.refund(NOW)).isInstanceOf(PaymentCannotBeRefunded.class);
    }

    @Test
    void refusesNegativeAmountsAndUnknownCurrencyShapes() {
        assertThatThrownBy(() -> new Money(-1, "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(1, "eur")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(1, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
