package dev.shopflow.order.ordering.messaging;

import dev.shopflow.order.ordering.InventoryEvent;
import dev.shopflow.order.ordering.PaymentEvent;
import dev.shopflow.order.ordering.SagaEvent;
import dev.shopflow.platform.kafka.MalformedEvent;
import dev.shopflow.platform.kafka.ReceivedEvent;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an inventory or payment event from a received record. Types the saga does not react to are skipped (a
 * topic may carry more types than this service reads); an event of a known type that cannot be read is a
 * {@link MalformedEvent}, which sends it to the dead-letter topic at once rather than retrying what can never
 * succeed.
 */
@Component
public class SagaEventReader {

    private static final Map<String, Class<? extends SagaEvent>> TYPES = Map.of(
            InventoryEvent.RESERVED, InventoryEvent.StockReserved.class,
            InventoryEvent.REJECTED, InventoryEvent.StockRejected.class,
            InventoryEvent.PRICE_REJECTED, InventoryEvent.PriceRejected.class,
            PaymentEvent.SUCCEEDED, PaymentEvent.PaymentSucceeded.class,
            PaymentEvent.FAILED, PaymentEvent.PaymentFailed.class,
            PaymentEvent.REFUNDED, PaymentEvent.PaymentRefunded.class);

    private final JsonMapper json;

    public SagaEventReader(JsonMapper json) {
        this.json = json;
    }

    /**
     * The event, or empty when the saga does not react to its type.
     *
     * @throws MalformedEvent when the payload cannot be read, or is not the event its {@code ce_id} names
     */
    public Optional<SagaEvent> read(ReceivedEvent event) {
        Class<? extends SagaEvent> type = TYPES.get(event.type());
        if (type == null) {
            return Optional.empty();
        }
        try {
            SagaEvent read = json.readValue(event.payloadJson(), type);
            if (!read.eventId().equals(event.id())) {
                throw new MalformedEvent("Event " + event.id() + " carries a payload of event " + read.eventId());
            }
            return Optional.of(read);
        } catch (JacksonException | IllegalArgumentException | NullPointerException unreadable) {
            throw new MalformedEvent("Unreadable " + event.type() + " " + event.id() + ": " + unreadable.getMessage());
        }
    }
}
