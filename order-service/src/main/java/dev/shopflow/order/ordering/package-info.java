/**
 * Ordering: checkout, the order saga and the reads of orders. {@link dev.shopflow.order.ordering.Orders} places,
 * finds and cancels orders; {@link dev.shopflow.order.ordering.OrderSaga} applies what catalog and payment announce;
 * {@link dev.shopflow.order.ordering.OrderTimeouts} cancels orders that stay open too long.
 */
package dev.shopflow.order.ordering;
