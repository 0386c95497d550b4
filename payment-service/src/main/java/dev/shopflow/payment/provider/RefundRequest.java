package dev.shopflow.payment.provider;

import java.util.Objects;
import java.util.UUID;

/**
 * What to refund: the whole charge.
 *
 * @param orderId           the order whose charge is given back
 * @param providerPaymentId the provider's id of the charge (a PaymentIntent id)
 * @param amount            minor units: the whole charge
 * @param currency          ISO 4217, upper case
 * @param idempotencyKey    the same key for every attempt to refund this order: see {@link #forOrder}
 */
public record RefundRequest(UUID orderId, String providerPaymentId, long amount, String currency,
        String idempotencyKey) {

    public RefundRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(providerPaymentId, "providerPaymentId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    /** The request to refund an order's charge, with an idempotency key derived from the order id: one refund. */
    public static RefundRequest forOrder(UUID orderId, String providerPaymentId, long amount, String currency) {
        return new RefundRequest(orderId, providerPaymentId, amount, currency, "shopflow-refund-" + orderId);
    }
}
