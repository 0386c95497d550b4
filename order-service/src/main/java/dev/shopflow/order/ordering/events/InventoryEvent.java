package dev.shopflow.order.ordering.events;

import dev.shopflow.order.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What catalog-service announces on {@code inventory.v1} ({@code contracts/events/shopflow.inventory.*.v1}), as
 * the saga reads it.
 */
public sealed interface InventoryEvent extends SagaEvent {

    String RESERVED = "shopflow.inventory.stock-reserved.v1";
    String REJECTED = "shopflow.inventory.stock-rejected.v1";
    String PRICE_REJECTED = "shopflow.inventory.price-rejected.v1";

    String TOPIC = "inventory.v1";

    /** Each type the saga reads from {@code inventory.v1}, and the record it reads it as. */
    Map<String, Class<? extends InventoryEvent>> TYPES = Map.of(
            RESERVED, StockReserved.class,
            REJECTED, StockRejected.class,
            PRICE_REJECTED, PriceRejected.class);

    /** Every line of the order is held for it. */
    record StockReserved(UUID eventId, Instant occurredAt, UUID orderId) implements InventoryEvent {

        public StockReserved {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    /** The order cannot be met; nothing is held. */
    record StockRejected(UUID eventId, Instant occurredAt, UUID orderId, List<Unavailable> unavailable)
            implements InventoryEvent {

        public StockRejected {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(orderId, "orderId");
            unavailable = unavailable == null ? List.of() : List.copyOf(unavailable);
        }
    }

    /** A line that could not be met. */
    record Unavailable(UUID productId, int requested, int available) {
    }

    /** Catalog did not publish a unit price of the order (not now, nor within its grace period); nothing is held. */
    record PriceRejected(UUID eventId, Instant occurredAt, UUID orderId, List<Mispriced> mispriced)
            implements InventoryEvent {

        public PriceRejected {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(orderId, "orderId");
            mispriced = mispriced == null ? List.of() : List.copyOf(mispriced);
        }
    }

    /** A line whose unit price catalog did not publish, and the price catalog asks now. */
    record Mispriced(UUID productId, Money unitPrice, Money currentPrice) {
    }
}
