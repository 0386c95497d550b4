package dev.shopflow.catalog.inventory.messaging;

import dev.shopflow.catalog.inventory.Inventory;
import dev.shopflow.platform.kafka.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies order events to inventory, one record at a time per partition (blocking, so that one order's events stay
 * in order). Failures are retried and then dead-lettered by platform's error handler.
 */
@Component
class OrderEventsListener {

    private final OrderEventReader reader;
    private final Inventory inventory;

    OrderEventsListener(OrderEventReader reader, Inventory inventory) {
        this.reader = reader;
        this.inventory = inventory;
    }

    @KafkaListener(topics = "orders.v1")
    void on(ConsumerRecord<String, String> record) {
        var received = ReceivedEvent.from(record);
        reader.read(received).ifPresent(event -> inventory.apply(event, received).block());
    }
}
