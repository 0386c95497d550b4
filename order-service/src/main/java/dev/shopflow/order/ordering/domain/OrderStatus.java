package dev.shopflow.order.ordering.domain;

/** Where an order is in the saga. {@link #CONFIRMED} and {@link #CANCELLED} are terminal. */
public enum OrderStatus {
    /** Placed; waiting for catalog to reserve its stock. */
    PENDING,
    /** Its stock is held; waiting for payment. */
    AWAITING_PAYMENT,
    /** Paid; catalog commits the reservation. */
    CONFIRMED,
    /** Will not be fulfilled; see its {@link dev.shopflow.order.ordering.events.CancellationReason}. */
    CANCELLED;

    public boolean isTerminal() {
        return this == CONFIRMED || this == CANCELLED;
    }
}
