package dev.shopflow.platform.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event to publish, as the outbox stores it: where it goes and how it is described, with the payload already
 * serialised. {@link Outbox#append(String, String, dev.shopflow.platform.events.PublishedEvent)} makes it from a
 * service's event record; platform knows no domain event.
 *
 * @param eventId    unique id of the event (CloudEvents {@code id}); consumers deduplicate by it
 * @param topic      the Kafka topic
 * @param key        the aggregate id: the record key (so one aggregate's events keep their order) and the subject
 * @param type       the CloudEvents type, such as {@code shopflow.order.placed.v1}
 * @param occurredAt when it happened (CloudEvents {@code time})
 * @param payloadJson the event as JSON
 */
record OutboxEvent(UUID eventId, String topic, String key, String type, Instant occurredAt, String payloadJson) {

    OutboxEvent {
        Objects.requireNonNull(eventId, "eventId");
        requireText(topic, "topic");
        requireText(key, "key");
        requireText(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        requireText(payloadJson, "payloadJson");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
