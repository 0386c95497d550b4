/** The {@code payments}, {@code refunds} and {@code order_cancellations} tables. */
package dev.shopflow.payment.charge.persistence;
