package dev.shopflow.catalog.inventory.events;

import dev.shopflow.platform.events.Event;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The order-service events inventory reads from {@code orders.v1}, as their contracts
 * ({@code contracts/events/shopflow.order.*.v1}) describe them. Only the fields inventory uses are read.
 */
public sealed interface OrderEvent extends Event {

    String TOPIC = "orders.v1";

    String PLACED = "shopflow.order.placed.v1";
    String CONFIRMED = "shopflow.order.confirmed.v1";
    String CANCELLED = "shopflow.order.cancelled.v1";

    /** The types inventory reads, and the record each is read as; the topic's other types are not its business. */
    Map<String, Class<? extends OrderEvent>> TYPES = Map.of(
            PLACED, OrderPlaced.class,
            CONFIRMED, OrderConfirmed.class,
            CANCELLED, OrderCancelled.class);

    UUID orderId();

    /** An amount in minor units and its ISO 4217 currency. */
    record Money(long amount, String currency) {
    }

    /** One line of a placed order. */
    record Item(UUID productId, int quantity, Money unitPrice) {

        public Item {
            Objects.requireNonNull(productId, "items[].productId");
            Objects.requireNonNull(unitPrice, "items[].unitPrice");
        }
    }

    /** A customer placed an order: reserve its lines. */
    record OrderPlaced(UUID eventId, Instant occurredAt, UUID orderId, UUID userId, List<Item> items, Money total)
            implements OrderEvent {

        public OrderPlaced {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(orderId, "orderId");
            if (items == null || items.isEmpty()) {
                throw new IllegalArgumentException("An OrderPlaced event has at least one item");
            }
            items = List.copyOf(items);
        }
    }

    /** The order was paid: its reservation becomes a sale. */
    record OrderConfirmed(UUID eventId, Instant occurredAt, UUID orderId) implements OrderEvent {

        public OrderConfirmed {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    /** The order was cancelled (for whatever reason): what it held goes back on the shelf. */
    record OrderCancelled(UUID eventId, Instant occurredAt, UUID orderId, String reason) implements OrderEvent {

        public OrderCancelled {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(orderId, "orderId");
        }
    }
}
