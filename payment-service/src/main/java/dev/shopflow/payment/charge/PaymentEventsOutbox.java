package dev.shopflow.payment.charge;

import dev.shopflow.payment.charge.domain.PaymentEvent;
import dev.shopflow.platform.outbox.Outbox;
import dev.shopflow.platform.outbox.OutboxEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Payment events as the saga reads them: JSON on {@code payments.v1}, keyed by order id, with the CloudEvents types
 * of {@code contracts/}. Appended to the outbox in the caller's transaction.
 */
@Component
class PaymentEventsOutbox {

    static final String TOPIC = "payments.v1";

    private final Outbox outbox;
    private final JsonMapper json;

    PaymentEventsOutbox(Outbox outbox, JsonMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    Mono<Void> append(PaymentEvent event) {
        return Mono.fromCallable(() -> new OutboxEvent(event.eventId(), TOPIC, event.orderId().toString(), type(event),
                        event.occurredAt(), json.writeValueAsString(event)))
                .flatMap(outbox::append);
    }

    static String type(PaymentEvent event) {
        return switch (event) {
            case PaymentEvent.PaymentSucceeded succeeded -> "shopflow.payment.succeeded.v1";
            case PaymentEvent.PaymentFailed failed -> "shopflow.payment.failed.v1";
            case PaymentEvent.PaymentRefunded refunded -> "shopflow.payment.refunded.v1";
        };
    }
}
