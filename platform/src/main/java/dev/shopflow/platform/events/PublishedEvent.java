package dev.shopflow.platform.events;

import java.time.Instant;

/**
 * An event record a service publishes through its outbox: the record says what it is and when it happened, so that
 * {@link dev.shopflow.platform.outbox.Outbox#append(String, String, PublishedEvent)} can describe it (CloudEvents
 * {@code type} and {@code time}) without being told.
 */
public interface PublishedEvent extends Event {

    /** The CloudEvents type, such as {@code shopflow.order.placed.v1}. */
    String type();

    /** When it happened (CloudEvents {@code time}). */
    Instant occurredAt();
}
