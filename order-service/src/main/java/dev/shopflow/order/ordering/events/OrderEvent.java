package dev.shopflow.order.ordering.events;

import dev.shopflow.order.money.Money;
import dev.shopflow.platform.events.PublishedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the order saga announces on {@code orders.v1}, as {@code contracts/events/shopflow.order.*.v1} describe it.
 * Each event is a fact about one order, carrying values only; the order's domain methods return them.
 */
public sealed interface OrderEvent extends PublishedEvent {

    String TOPIC = "orders.v1";

    /** The record key: one order's events keep their order. */
    UUID orderId();

    /** A customer placed an order: catalog reserves its lines. */
    record OrderPlaced(UUID eventId, Instant occurredAt, UUID orderId, UUID userId, List<Item> items, Money total)
            implements OrderEvent {

        public OrderPlaced {
            items = List.copyOf(items);
        }

        @Override
        public String type() {
            return "shopflow.order.placed.v1";
        }

        /** One line as catalog needs it. */
        public record Item(UUID productId, int quantity, Money unitPrice) {
        }
    }

    /** The order's stock is held: payment charges the customer. */
    record PaymentRequested(UUID eventId, Instant occurredAt, UUID orderId, UUID userId, Money amount,
            String paymentMethod) implements OrderEvent {

        @Override
        public String type() {
            return "shopflow.order.payment-requested.v1";
        }
    }

    /** The order is paid: catalog commits the reservation. */
    record OrderConfirmed(UUID eventId, Instant occurredAt, UUID orderId) implements OrderEvent {

        @Override
        public String type() {
            return "shopflow.order.confirmed.v1";
        }
    }

    /**
     * The order will not be fulfilled: catalog releases what it holds, payment refunds what it charged. Announced
     * again when a payment succeeds after the cancellation, so that the late charge is refunded.
     */
    record OrderCancelled(UUID eventId, Instant occurredAt, UUID orderId, CancellationReason reason)
            implements OrderEvent {

        public OrderCancelled {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String type() {
            return "shopflow.order.cancelled.v1";
        }
    }
}
