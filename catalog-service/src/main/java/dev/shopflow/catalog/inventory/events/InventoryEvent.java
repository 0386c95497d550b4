package dev.shopflow.catalog.inventory.events;

import dev.shopflow.platform.events.PublishedEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What inventory tells the order saga on {@code inventory.v1} ({@code contracts/events/shopflow.inventory.*.v1}). */
public sealed interface InventoryEvent extends PublishedEvent {

    String TOPIC = "inventory.v1";

    /** The record key: one order's events keep their order. */
    UUID orderId();

    /** Every line of the order is held for it. */
    record StockReserved(UUID eventId, Instant occurredAt, UUID orderId) implements InventoryEvent {

        @Override
        public String type() {
            return "shopflow.inventory.stock-reserved.v1";
        }
    }

    /** The order cannot be met; nothing is held. */
    record StockRejected(UUID eventId, Instant occurredAt, UUID orderId, List<Unavailable> unavailable)
            implements InventoryEvent {

        public StockRejected {
            unavailable = List.copyOf(unavailable);
        }

        @Override
        public String type() {
            return "shopflow.inventory.stock-rejected.v1";
        }
    }

    /** A line that could not be met. */
    record Unavailable(UUID productId, int requested, int available) {
    }

    /**
     * The order carries a unit price catalog did not publish (not now, nor within the grace period); nothing is
     * held.
     */
    record PriceRejected(UUID eventId, Instant occurredAt, UUID orderId, List<Mispriced> mispriced)
            implements InventoryEvent {

        public PriceRejected {
            mispriced = List.copyOf(mispriced);
        }

        @Override
        public String type() {
            return "shopflow.inventory.price-rejected.v1";
        }
    }

    /** A line at a unit price catalog did not publish, and the price catalog asks now. */
    record Mispriced(UUID productId, Money unitPrice, Money currentPrice) {
    }

    /** An amount in minor units and its ISO 4217 currency. */
    record Money(long amount, String currency) {
    }
}
