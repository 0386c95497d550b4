package dev.shopflow.catalog.inventory.messaging;

import dev.shopflow.catalog.inventory.Inventory;
import dev.shopflow.catalog.inventory.events.OrderEvent;
import dev.shopflow.platform.kafka.EventReader;
import dev.shopflow.platform.kafka.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies order events to inventory ({@link Inventory#apply}: once, in one transaction), one record at a time per
 * partition: blocking, so that one order's events stay in order. Types inventory does not read are skipped; an
 * unreadable event goes to the dead-letter topic at once, a failing one after platform's retries.
 */
@Component
class OrderEventsListener {

    private final EventReader<OrderEvent> events;
    private final Inventory inventory;

    OrderEventsListener(JsonMapper json, Inventory inventory) {
        this.events = new EventReader<>(json, OrderEvent.TYPES);
        this.inventory = inventory;
    }

    @KafkaListener(topics = OrderEvent.TOPIC)
    void on(ConsumerRecord<String, String> record) {
        var received = ReceivedEvent.from(record);
        events.read(received).ifPresent(event -> inventory.apply(event, received).block());
    }
}
