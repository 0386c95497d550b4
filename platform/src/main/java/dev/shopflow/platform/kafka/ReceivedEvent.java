package dev.shopflow.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * An event as a consumer receives it: its CloudEvents attributes (from the record's {@code ce_*} headers) and its
 * JSON payload.
 */
public record ReceivedEvent(UUID id, String type, String source, String subject, Instant time, String payloadJson) {

    /**
     * Reads the CloudEvents attributes of a record.
     *
     * @throws MalformedEvent when a required attribute is missing or unreadable, or the payload is empty
     */
    public static ReceivedEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        try {
            if (record.value() == null || record.value().isBlank()) {
                throw new MalformedEvent("The record has no payload");
            }
            return new ReceivedEvent(UUID.fromString(id), header(record, "ce_type"), header(record, "ce_source"),
                    optionalHeader(record, "ce_subject"), Instant.parse(header(record, "ce_time")), record.value());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedEvent("Unreadable CloudEvents attribute in record " + record.topic() + "-"
                    + record.partition() + "@" + record.offset() + ": " + e.getMessage(), e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        String value = optionalHeader(record, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEvent("Record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                    + " has no " + name + " header");
        }
        return value;
    }

    private static String optionalHeader(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
