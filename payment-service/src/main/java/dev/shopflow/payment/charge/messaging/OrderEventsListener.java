package dev.shopflow.payment.charge.messaging;

import dev.shopflow.payment.charge.Payments;
import dev.shopflow.payment.charge.events.OrderEvent;
import dev.shopflow.platform.inbox.InboxBatches;
import dev.shopflow.platform.kafka.EventReader;
import dev.shopflow.platform.kafka.ReceivedEvent;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code orders.v1}: PaymentRequested charges, OrderCancelled refunds; the topic's other events are not
 * payment-service's business. A blocking listener, so that one order's events are applied in the order they were
 * published.
 *
 * <p>Like every listener, it reads the events and applies each once ({@link Payments#apply}), a poll's records in one
 * transaction (platform's {@link InboxBatches}). Unlike the others, it then takes a second step for each event, once
 * that transaction has committed: charging or refunding at the provider ({@link Payments#charge},
 * {@link Payments#refundIfCancelled}). That step calls the provider over the network, so it runs outside any
 * database transaction (no transaction waits on the provider), and it runs on every delivery, doing nothing when it
 * was done already. So a crash between the two steps is repaired by the redelivery, and a redelivery after both
 * changes nothing. A step that fails is retried by the listener's error handler, then kept as a dead letter.
 */
@Component
class OrderEventsListener {

    private final EventReader<OrderEvent> events;
    private final Payments payments;
    private final InboxBatches batches;

    OrderEventsListener(JsonMapper json, Payments payments, InboxBatches batches) {
        this.events = new EventReader<>(json, OrderEvent.TYPES);
        this.payments = payments;
        this.batches = batches;
    }

    @KafkaListener(topics = OrderEvent.TOPIC, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        batches.applyThen(records, events, payments::apply, this::atTheProvider);
    }

    /** The provider's step an event leads to; it checks for itself whether there is anything left to do. */
    private Mono<Void> atTheProvider(OrderEvent event, ReceivedEvent received) {
        return switch (event) {
            case OrderEvent.PaymentRequested requested -> payments.charge(requested.orderId());
            case OrderEvent.OrderCancelled cancelled -> payments.refundIfCancelled(cancelled.orderId());
        };
    }
}
