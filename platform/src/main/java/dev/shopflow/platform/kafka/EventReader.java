package dev.shopflow.platform.kafka;

import dev.shopflow.platform.events.Event;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads received events into the records a consumer knows, by their CloudEvents type. Types it was not given are
 * skipped (a topic may carry more types than one consumer reads); an event of a known type that cannot be read is a
 * {@link MalformedEvent}, which sends it to the dead-letter topic at once rather than retrying what can never
 * succeed.
 *
 * @param <E> what the consumer reads, such as a sealed interface over its event records
 */
public final class EventReader<E extends Event> {

    private final JsonMapper json;
    private final Map<String, Class<? extends E>> types;

    /**
     * @param json  the service's JSON mapper
     * @param types each CloudEvents type the consumer reads, and the record it reads it as
     */
    public EventReader(JsonMapper json, Map<String, Class<? extends E>> types) {
        this.json = json;
        this.types = Map.copyOf(types);
    }

    /**
     * The event as its record, or empty when the consumer does not read its type.
     *
     * @throws MalformedEvent when the payload cannot be read as that record (including a record's own checks), or
     *                        it is the payload of another event than the one the record's {@code ce_id} names
     */
    public Optional<E> read(ReceivedEvent received) {
        Class<? extends E> type = types.get(received.type());
        if (type == null) {
            return Optional.empty();
        }
        E event;
        try {
            event = json.readValue(received.payloadJson(), type);
        } catch (JacksonException | IllegalArgumentException | NullPointerException unreadable) {
            throw new MalformedEvent("Unreadable " + received.type() + " " + received.id() + ": "
                    + unreadable.getMessage(), unreadable);
        }
        if (event == null || !received.id().equals(event.eventId())) {
            throw new MalformedEvent("Event " + received.id() + " carries the payload of event "
                    + (event == null ? null : event.eventId()));
        }
        return Optional.of(event);
    }
}
