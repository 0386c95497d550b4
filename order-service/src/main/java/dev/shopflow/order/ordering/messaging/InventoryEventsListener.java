package dev.shopflow.order.ordering.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies catalog's inventory events to orders, one record at a time per partition (blocking, so that one order's
 * events stay in order). Failures are retried and then dead-lettered by platform's error handler.
 */
@Component
class InventoryEventsListener {

    private final SagaEvents events;

    InventoryEventsListener(SagaEvents events) {
        this.events = events;
    }

    @KafkaListener(topics = "inventory.v1")
    void on(ConsumerRecord<String, String> record) {
        events.apply(record);
    }
}
