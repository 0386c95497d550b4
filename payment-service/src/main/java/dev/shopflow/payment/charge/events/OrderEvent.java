package dev.shopflow.payment.charge.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.shopflow.payment.money.Money;
import dev.shopflow.platform.events.Event;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The order events payment-service reads from {@code orders.v1}, as it reads them: only the fields it uses, unknown
 * fields ignored (contracts grow by adding fields). The contracts are {@code contracts/events/shopflow.order.*.json}.
 */
public sealed interface OrderEvent extends Event {

    String TOPIC = "orders.v1";

    String PAYMENT_REQUESTED = "shopflow.order.payment-requested.v1";
    String CANCELLED = "shopflow.order.cancelled.v1";

    /** The types payment reads, and the record each is read as; OrderPlaced and OrderConfirmed are catalog's. */
    Map<String, Class<? extends OrderEvent>> TYPES = Map.of(
            PAYMENT_REQUESTED, PaymentRequested.class,
            CANCELLED, OrderCancelled.class);

    /** The shape of a cancellation reason (the contract lists them; a new one is still a reason). */
    Pattern REASON = Pattern.compile("[A-Z_]{1,32}");

    UUID orderId();

    /** Stock is reserved: charge the customer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PaymentRequested(UUID eventId, Instant occurredAt, UUID orderId, UUID userId, Money amount,
            String paymentMethod) implements OrderEvent {

        public PaymentRequested {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(amount, "amount");
            if (paymentMethod == null || paymentMethod.isBlank() || paymentMethod.length() > 100) {
                throw new IllegalArgumentException("paymentMethod is 1 to 100 characters");
            }
        }
    }

    /** The order is cancelled: refund it if it was charged, and never charge it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrderCancelled(UUID eventId, Instant occurredAt, UUID orderId, String reason) implements OrderEvent {

        public OrderCancelled {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(orderId, "orderId");
            if (reason == null || !REASON.matcher(reason).matches()) {
                throw new IllegalArgumentException("reason is a cancellation reason such as CUSTOMER_CANCELLED, not " + reason);
            }
        }
    }
}
