package dev.shopflow.payment.charge.events;

import dev.shopflow.payment.money.Money;
import dev.shopflow.platform.events.PublishedEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * What happened to a payment, as the order saga hears it (topic {@code payments.v1}, key = order id), with the
 * CloudEvents types of {@code contracts/events/shopflow.payment.*.v1}.
 */
public sealed interface PaymentEvent extends PublishedEvent {

    String TOPIC = "payments.v1";

    /** The record key: one order's events keep their order. */
    UUID orderId();

    UUID paymentId();

    /** The customer was charged {@code amount}. */
    record PaymentSucceeded(UUID eventId, Instant occurredAt, UUID orderId, UUID paymentId, Money amount)
            implements PaymentEvent {

        @Override
        public String type() {
            return "shopflow.payment.succeeded.v1";
        }
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

        @Override
        public String type() {
            return "shopflow.payment.failed.v1";
        }
    }

    /** The whole charge was given back. */
    record PaymentRefunded(UUID eventId, Instant occurredAt, UUID orderId, UUID paymentId, Money amount)
            implements PaymentEvent {

        @Override
        public String type() {
            return "shopflow.payment.refunded.v1";
        }
    }
}
