package dev.shopflow.order.ordering.events;

/**
 * Why an order was cancelled: the order keeps it, and {@code OrderCancelled} carries it (the contract
 * {@code shopflow.order.cancelled.v1} lists these names).
 */
public enum CancellationReason {
    /** Catalog could not reserve every line. */
    OUT_OF_STOCK,
    /** The payment provider declined the charge. */
    PAYMENT_DECLINED,
    /** The customer cancelled it before it was paid. */
    CUSTOMER_CANCELLED,
    /** It did not reach a terminal state within the configured deadline. */
    TIMED_OUT,
    /**
     * Catalog refused to reserve it: a unit price is not one catalog published (now, or within its short grace
     * period), so the customer would have been charged a price the shop no longer asks.
     */
    PRICE_CHANGED
}
