package dev.shopflow.payment.provider;

import java.util.Objects;
import java.util.UUID;

/**
 * What to charge.
 *
 * @param orderId        the order paid for (Stripe: {@code metadata[order_id]})
 * @param amount         minor units
 * @param currency       ISO 4217, upper case
 * @param paymentMethod  a payment method id, such as {@code pm_card_visa}
 * @param idempotencyKey the same key for every attempt to charge this order: see {@link #forOrder}
 */
public record ChargeRequest(UUID orderId, long amount, String currency, String paymentMethod, String idempotencyKey) {

    public ChargeRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    /**
     * The request to charge an order, with an idempotency key derived from the order id alone: a redelivered
     * PaymentRequested, a retry after a time-out or a restart mid-call all send the same key, so the provider charges
     * at most once.
     */
    public static ChargeRequest forOrder(UUID orderId, long amount, String currency, String paymentMethod) {
        return new ChargeRequest(orderId, amount, currency, paymentMethod, "shopflow-charge-" + orderId);
    }
}
