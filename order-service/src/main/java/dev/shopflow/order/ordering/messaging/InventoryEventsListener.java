package dev.shopflow.order.ordering.messaging;

import dev.shopflow.order.ordering.OrderSaga;
import dev.shopflow.order.ordering.events.InventoryEvent;
import dev.shopflow.platform.inbox.InboxBatches;
import dev.shopflow.platform.kafka.EventReader;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies catalog's inventory events to orders ({@link OrderSaga#apply}: each once), a poll's records in one transaction
 * (platform's {@link InboxBatches}): blocking and in the records' order, so that one order's events stay in order.
 * Types the saga does not read are skipped; an unreadable event goes to the dead-letter topic at once, a failing one
 * after platform's retries, alone.
 */
@Component
class InventoryEventsListener {

    private final EventReader<InventoryEvent> events;
    private final OrderSaga saga;
    private final InboxBatches batches;

    InventoryEventsListener(JsonMapper json, OrderSaga saga, InboxBatches batches) {
        this.events = new EventReader<>(json, InventoryEvent.TYPES);
        this.saga = saga;
        this.batches = batches;
    }

    @KafkaListener(topics = InventoryEvent.TOPIC, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(records, events, saga::apply);
    }
}
