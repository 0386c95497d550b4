package dev.shopflow.catalog.inventory.messaging;

import dev.shopflow.catalog.inventory.OrderEvent;
import dev.shopflow.platform.kafka.MalformedEvent;
import dev.shopflow.platform.kafka.ReceivedEvent;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an order event from a received record. Types inventory does not react to (payment requests share the
 * topic) are skipped; an event of a known type that cannot be read is a {@link MalformedEvent}, which sends it to the
 * dead-letter topic at once rather than retrying what can never succeed.
 */
@Component
public class OrderEventReader {

    private final JsonMapper json;

    public OrderEventReader(JsonMapper json) {
        this.json = json;
    }

    public Optional<OrderEvent> read(ReceivedEvent event) {
        Class<? extends OrderEvent> type = switch (event.type()) {
            case OrderEvent.PLACED -> OrderEvent.OrderPlaced.class;
            case OrderEvent.CONFIRMED -> OrderEvent.OrderConfirmed.class;
            case OrderEvent.CANCELLED -> OrderEvent.OrderCancelled.class;
            default -> null;
        };
        if (type == null) {
            return Optional.empty();
        }
        try {
            OrderEvent read = json.readValue(event.payloadJson(), type);
            if (!read.eventId().equals(event.id())) {
                throw new MalformedEvent("Event " + event.id() + " carries a payload of event " + read.eventId());
            }
            return Optional.of(read);
        } catch (JacksonException | IllegalArgumentException | NullPointerException unreadable) {
            throw new MalformedEvent("Unreadable " + event.type() + " " + event.id() + ": " + unreadable.getMessage());
        }
    }
}
