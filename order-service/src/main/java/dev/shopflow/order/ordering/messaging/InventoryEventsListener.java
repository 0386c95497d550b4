package dev.shopflow.order.ordering.messaging;

import dev.shopflow.order.ordering.OrderSaga;
import dev.shopflow.order.ordering.events.InventoryEvent;
import dev.shopflow.platform.kafka.EventReader;
import dev.shopflow.platform.kafka.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies catalog's inventory events to orders ({@link OrderSaga#apply}: once, in one transaction), one record at a
 * time per partition: blocking, so that one order's events stay in order. Types the saga does not read are skipped;
 * an unreadable event goes to the dead-letter topic at once, a failing one after platform's retries.
 */
@Component
class InventoryEventsListener {

    private final EventReader<InventoryEvent> events;
    private final OrderSaga saga;

    InventoryEventsListener(JsonMapper json, OrderSaga saga) {
        this.events = new EventReader<>(json, InventoryEvent.TYPES);
        this.saga = saga;
    }

    @KafkaListener(topics = InventoryEvent.TOPIC)
    void on(ConsumerRecord<String, String> record) {
        var received = ReceivedEvent.from(record);
        events.read(received).ifPresent(event -> saga.apply(event, received).block());
    }
}
