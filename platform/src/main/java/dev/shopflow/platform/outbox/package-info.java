/**
 * The transactional outbox: {@link dev.shopflow.platform.outbox.Outbox} appends an event in the transaction that
 * changes the state, {@link dev.shopflow.platform.outbox.OutboxRelay} publishes it to Kafka afterwards, at least
 * once and in order per record key. The table is {@code outbox.sql} beside these classes.
 */
package dev.shopflow.platform.outbox;
