package dev.shopflow.order.ordering.messaging;

import dev.shopflow.order.ordering.OrderSaga;
import dev.shopflow.order.ordering.events.PaymentEvent;
import dev.shopflow.platform.inbox.InboxBatches;
import dev.shopflow.platform.kafka.EventReader;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies payment's events to orders ({@link OrderSaga#apply}: each once), a poll's records in one transaction
 * (platform's {@link InboxBatches}): blocking and in the records' order, so that one order's events stay in order.
 * Types the saga does not read are skipped; an unreadable event goes to the dead-letter topic at once, a failing one
 * after platform's retries, alone.
 */
@Component
class PaymentEventsListener {

    private final EventReader<PaymentEvent> events;
    private final OrderSaga saga;
    private final InboxBatches batches;

    PaymentEventsListener(JsonMapper json, OrderSaga saga, InboxBatches batches) {
        this.events = new EventReader<>(json, PaymentEvent.TYPES);
        this.saga = saga;
        this.batches = batches;
    }

    @KafkaListener(topics = PaymentEvent.TOPIC, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.apply(records, events, saga::apply);
    }
}
