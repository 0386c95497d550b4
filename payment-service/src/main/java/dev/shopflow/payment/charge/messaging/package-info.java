/** Order events that payments act on: PaymentRequested charges, OrderCancelled refunds. */
package dev.shopflow.payment.charge.messaging;
