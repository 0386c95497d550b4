package dev.shopflow.order.ordering;

import java.time.Instant;

/**
 * One step of an order's saga.
 *
 * @param step  such as {@code ORDER_PLACED}, {@code STOCK_RESERVED}, {@code PAYMENT_FAILED}, {@code ORDER_CANCELLED}
 * @param actor the service that acted: {@code order-service}, {@code catalog-service} or {@code payment-service}
 * @param detail what a reader needs to know beyond the step (a reason, a decline code), or null
 */
public record TimelineStep(Instant occurredAt, String step, String actor, String detail) {
}
