package dev.shopflow.order.ordering.events;

import dev.shopflow.platform.events.Event;
import java.time.Instant;
import java.util.UUID;

/** An event another service announced about an order, which moves (or may move) its saga. */
public sealed interface SagaEvent extends Event permits InventoryEvent, PaymentEvent {

    Instant occurredAt();

    UUID orderId();
}
