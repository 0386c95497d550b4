package dev.shopflow.catalog.inventory.messaging;

import dev.shopflow.catalog.inventory.Inventory;
import dev.shopflow.catalog.inventory.events.OrderEvent;
import dev.shopflow.platform.inbox.InboxBatches;
import dev.shopflow.platform.kafka.EventReader;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies order events to inventory ({@link Inventory#apply}: each once), a poll's records in one transaction
 * (platform's {@link InboxBatches}) that first locks every stock row the batch changes, in product order
 * ({@link Inventory#lockStockOf}), so that batches on several partitions wait for each other instead of deadlocking.
 * Blocking and in the records' order, so that one order's events stay in order. Types inventory does not read are
 * skipped; an unreadable event goes to the dead-letter topic at once, a failing one after platform's retries, alone.
 */
@Component
class OrderEventsListener {

    private final EventReader<OrderEvent> events;
    private final Inventory inventory;
    private final InboxBatches batches;

    OrderEventsListener(JsonMapper json, Inventory inventory, InboxBatches batches) {
        this.events = new EventReader<>(json, OrderEvent.TYPES);
        this.inventory = inventory;
        this.batches = batches;
    }

    @KafkaListener(topics = OrderEvent.TOPIC, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(records, events, inventory::lockStockOf, inventory::apply);
    }
}
