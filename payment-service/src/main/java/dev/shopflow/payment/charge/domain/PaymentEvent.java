package dev.shopflow.payment.charge.domain;

import java.time.Instant;
import java.util.UUID;

/** What happened to a payment, as the order saga hears it (topic {@code payments.v1}, key = order id). */
public sealed interface PaymentEvent {

    UUID eventId();

    Instant occurredAt();

    UUID orderId();

    UUID paymentId();

    /** The customer was charged {@code amount}. */
    record PaymentSucceeded(UUID eventId, Instant occurredAt, UUID orderId, UUID paymentId, Money amount)
            implements PaymentEvent {
    }

    /**
     * The charge did not happen.
     *
     * @param declineCode Stripe's decline code (or its error code when it refused without one, such as
     *                    {@code resource_missing}); {@code null} when the provider could not be reached or the order
     *                    was cancelled before it was charged
     * @param reason      why, in words a customer could read
     */
    record PaymentFailed(UUID eventId, Instant occurredAt, UUID orderId, UUID paymentId, String declineCode,
            String reason) implements PaymentEvent {
    }

    /** The whole charge was given back. */
    record PaymentRefunded(UUID eventId, Instant occurredAt, UUID orderId, UUID paymentId, Money amount)
            implements PaymentEvent {
    }
}
