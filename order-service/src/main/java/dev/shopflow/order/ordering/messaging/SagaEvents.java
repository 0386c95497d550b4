package dev.shopflow.order.ordering.messaging;

import dev.shopflow.order.ordering.OrderSaga;
import dev.shopflow.platform.kafka.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/** What both listeners do with a record: read it, and apply it to its order unless the saga ignores its type. */
@Component
class SagaEvents {

    private final SagaEventReader reader;
    private final OrderSaga saga;

    SagaEvents(SagaEventReader reader, OrderSaga saga) {
        this.reader = reader;
        this.saga = saga;
    }

    /** Blocks until the event is applied: the listener's thread is the explicit edge of the reactive code. */
    void apply(ConsumerRecord<String, String> record) {
        var received = ReceivedEvent.from(record);
        reader.read(received).ifPresent(event -> saga.apply(event, received).block());
    }
}
