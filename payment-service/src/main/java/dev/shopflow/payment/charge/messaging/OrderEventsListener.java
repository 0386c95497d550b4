package dev.shopflow.payment.charge.messaging;

import dev.shopflow.payment.charge.Payments;
import dev.shopflow.payment.charge.RequestPaymentCommand;
import dev.shopflow.platform.inbox.Inbox;
import dev.shopflow.platform.kafka.MalformedEvent;
import dev.shopflow.platform.kafka.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code orders.v1}: PaymentRequested charges, OrderCancelled refunds; the topic's other events are not
 * payment-service's business. A blocking listener, so that one order's events are applied in the order they were
 * published.
 *
 * <p>Each event's own effect is recorded once through the inbox; the step after it (charging, refunding: calls to the
 * provider, outside any transaction) runs on every delivery and does nothing when it was done already. So a crash
 * between the two steps is repaired by the redelivery, and a redelivery after both changes nothing. A step that fails
 * is retried by the listener's error handler, then kept as a dead letter.
 */
@Component
class OrderEventsListener {

    static final String CONSUMER = "payment.orders";

    private final Inbox inbox;
    private final Payments payments;
    private final JsonMapper json;

    OrderEventsListener(Inbox inbox, Payments payments, JsonMapper json) {
        this.inbox = inbox;
        this.payments = payments;
        this.json = json;
    }

    @KafkaListener(topics = "orders.v1")
    void on(ConsumerRecord<String, String> record) {
        var received = ReceivedEvent.from(record);
        switch (received.type()) {
            case OrderEvent.PAYMENT_REQUESTED -> on(read(received, OrderEvent.PaymentRequested.class), received);
            case OrderEvent.CANCELLED -> on(read(received, OrderEvent.OrderCancelled.class), received);
            default -> {
                // OrderPlaced, OrderConfirmed: for catalog-service.
            }
        }
    }

    /** Records the payment (once), then charges it if it is still pending. */
    void on(OrderEvent.PaymentRequested event, ReceivedEvent received) {
        var command = new RequestPaymentCommand(event.orderId(), event.userId(), event.amount(), event.paymentMethod());
        inbox.applyOnce(CONSUMER, received, payments.request(command))
                .then(payments.charge(event.orderId()))
                .block();
    }

    /** Records the cancellation (once), then refunds the order's charge if there is one and it is not refunded. */
    void on(OrderEvent.OrderCancelled event, ReceivedEvent received) {
        inbox.applyOnce(CONSUMER, received, payments.recordCancellation(event.orderId(), event.reason(), event.occurredAt()))
                .then(payments.refundIfCancelled(event.orderId()))
                .block();
    }

    private <T extends OrderEvent> T read(ReceivedEvent received, Class<T> type) {
        T event;
        try {
            event = json.readValue(received.payloadJson(), type);
        } catch (JacksonException unreadable) {
            throw new MalformedEvent("Not a readable " + received.type() + " event: " + unreadable.getOriginalMessage(),
                    unreadable);
        }
        if (!event.eventId().equals(received.id())) {
            throw new MalformedEvent("Event " + received.id() + " carries the payload of event " + event.eventId());
        }
        return event;
    }
}
