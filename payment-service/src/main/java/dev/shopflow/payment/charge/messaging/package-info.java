/** Where payments meet Kafka: reading order events from {@code orders.v1} and applying them. */
package dev.shopflow.payment.charge.messaging;
