package dev.shopflow.payment.charge.persistence;

import dev.shopflow.payment.charge.domain.Payment;
import dev.shopflow.payment.charge.domain.PaymentStatus;
import dev.shopflow.payment.money.Money;
import java.util.UUID;

/** A row of {@code payments}. */
record PaymentRow(UUID id, UUID orderId, UUID userId, String status, long amount, String currency,
        String provider, String paymentMethod, String providerPaymentId, String declineCode, String failureReason,
        long version) {

    static PaymentRow of(Payment payment) {
        return new PaymentRow(payment.id(), payment.orderId(), payment.userId(), payment.status().name(),
                payment.amount().amount(), payment.amount().currency(), payment.provider(), payment.paymentMethod(),
                payment.providerPaymentId(), payment.declineCode(), payment.failureReason(), payment.version());
    }

    Payment payment() {
        return Payment.restore(id, orderId, userId, new Money(amount, currency), paymentMethod, provider,
                PaymentStatus.valueOf(status), providerPaymentId, declineCode, failureReason, version);
    }
}
