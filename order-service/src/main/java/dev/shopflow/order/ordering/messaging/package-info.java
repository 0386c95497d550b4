/** Where the saga meets Kafka: reading inventory and payment events and applying them to orders. */
package dev.shopflow.order.ordering.messaging;
