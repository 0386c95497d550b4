package dev.shopflow.order.ordering;

import java.time.Instant;
import java.util.UUID;

/** An event another service announced about an order, which moves (or may move) its saga. */
public sealed interface SagaEvent permits InventoryEvent, PaymentEvent {

    UUID eventId();

    Instant occurredAt();

    UUID orderId();
}
