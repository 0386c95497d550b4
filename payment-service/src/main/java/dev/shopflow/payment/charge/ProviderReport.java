package dev.shopflow.payment.charge;

import java.util.UUID;

/**
 * What the provider reports about a charge on its own initiative (a Stripe webhook). The payment it is about is found
 * by the provider's id, or else by the order id the charge carries in its metadata (a charge whose answer never
 * reached this service has no provider id here).
 */
public sealed interface ProviderReport {

    /** The provider's id of the charge (a PaymentIntent id). */
    String providerPaymentId();

    /** The order id from the charge's metadata; {@code null} when it has none. */
    UUID orderId();

    /** The provider charged the customer. */
    record Succeeded(String providerPaymentId, UUID orderId) implements ProviderReport {
    }

    /** The provider declined the charge. */
    record Failed(String providerPaymentId, UUID orderId, String declineCode, String reason) implements ProviderReport {
    }

    /** The whole charge was refunded (from Stripe's dashboard, say, or by this service). */
    record Refunded(String providerPaymentId, UUID orderId, String providerRefundId) implements ProviderReport {
    }
}
