/**
 * Payment's events, in and out: {@link dev.shopflow.payment.charge.events.OrderEvent} as payment reads it from
 * {@code orders.v1}, {@link dev.shopflow.payment.charge.events.PaymentEvent} as the payment aggregate produces it and
 * the outbox publishes it on {@code payments.v1}. Plain records of values, shaped by {@code contracts/events/}.
 */
package dev.shopflow.payment.charge.events;
