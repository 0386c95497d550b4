/** Kafka wiring every consuming or producing service shares. */
package dev.shopflow.platform.kafka;
