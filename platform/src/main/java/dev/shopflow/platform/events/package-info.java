/**
 * What an event record is to platform: {@link dev.shopflow.platform.events.Event} (read from a record, checked
 * against its {@code ce_id}) and {@link dev.shopflow.platform.events.PublishedEvent} (appended to the outbox). Plain
 * interfaces, so that a service's event records stay plain records its domain may return.
 */
package dev.shopflow.platform.events;
