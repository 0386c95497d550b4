package dev.shopflow.order.ordering.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What payment-service announces on {@code payments.v1} ({@code contracts/events/shopflow.payment.*.v1}), as the
 * saga reads it.
 */
public sealed interface PaymentEvent extends SagaEvent {

    String SUCCEEDED = "shopflow.payment.succeeded.v1";
    String FAILED = "shopflow.payment.failed.v1";
    String REFUNDED = "shopflow.payment.refunded.v1";

    String TOPIC = "payments.v1";

    /** Each type the saga reads from {@code payments.v1}, and the record it reads it as. */
    Map<String, Class<? extends PaymentEvent>> TYPES = Map.of(
            SUCCEEDED, PaymentSucceeded.class,
            FAILED, PaymentFailed.class,
            REFUNDED, PaymentRefunded.class);

    /** An amount in minor units and its currency. */
    record Amount(long amount, String currency) {
    }

    /** The order was charged. */
    record PaymentSucceeded(UUID eventId, Instant occurredAt, UUID orderId, UUID paymentId, Amount amount)
            implements PaymentEvent {

        public PaymentSucceeded {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(paymentId, "paymentId");
        }
    }

    /** The charge was declined or could not be made. */
    record PaymentFailed(UUID eventId, Instant occurredAt, UUID orderId, UUID paymentId, String declineCode,
            String reason) implements PaymentEvent {

        public PaymentFailed {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(paymentId, "paymentId");
        }
    }

    /** A charge was paid back (the order had been cancelled). */
    record PaymentRefunded(UUID eventId, Instant occurredAt, UUID orderId, UUID paymentId, Amount amount)
            implements PaymentEvent {

        public PaymentRefunded {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(orderId, "orderId");
        }
    }
}
