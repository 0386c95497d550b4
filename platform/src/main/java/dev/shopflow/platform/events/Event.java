package dev.shopflow.platform.events;

import java.util.UUID;

/**
 * An event record as it travels in a Kafka record's payload. Its id is the record's CloudEvents {@code id}
 * ({@code ce_id}): consumers deduplicate by it, and a payload whose id differs from the record's is not read.
 */
public interface Event {

    /** The unique id of the event. */
    UUID eventId();
}
