/**
 * The order saga's events, in and out: {@link dev.shopflow.order.ordering.events.OrderEvent} as the order's domain
 * methods return it and the outbox publishes it on {@code orders.v1};
 * {@link dev.shopflow.order.ordering.events.InventoryEvent} and {@link dev.shopflow.order.ordering.events.PaymentEvent}
 * (both {@link dev.shopflow.order.ordering.events.SagaEvent}s) as the saga reads them from {@code inventory.v1} and
 * {@code payments.v1}. Plain records of values, shaped by {@code contracts/events/}; they depend on nothing of the
 * feature, so that the domain may return them.
 */
package dev.shopflow.order.ordering.events;
