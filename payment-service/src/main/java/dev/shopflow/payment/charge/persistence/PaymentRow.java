package dev.shopflow.payment.charge.persistence;

import java.util.UUID;

/** A row of {@code payments}. */
public record PaymentRow(UUID id, UUID orderId, UUID userId, String status, long amount, String currency,
        String provider, String paymentMethod, String providerPaymentId, String declineCode, String failureReason,
        long version) {
}
