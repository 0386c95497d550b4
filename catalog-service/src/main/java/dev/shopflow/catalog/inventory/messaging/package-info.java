/** Where inventory meets Kafka: reading order events from {@code orders.v1} and applying them. */
package dev.shopflow.catalog.inventory.messaging;
