package dev.shopflow.payment;

import dev.shopflow.contracts.EventContracts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Order events on {@code orders.v1} as order-service's outbox relay publishes them: the contract's examples with a
 * test's own values, checked against the contract, with CloudEvents headers.
 */
public final class OrderEventsFixture {

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json = JsonMapper.builder().build();

    public OrderEventsFixture(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    public UUID requestPayment(UUID eventId, UUID orderId, UUID userId, long amount, String paymentMethod) {
        var event = example("shopflow.order.payment-requested.v1", eventId, orderId);
        event.put("userId", userId.toString()).put("paymentMethod", paymentMethod);
        ((ObjectNode) event.get("amount")).put("amount", amount);
        return publishValid("shopflow.order.payment-requested.v1", eventId, orderId, event);
    }

    public UUID cancelOrder(UUID eventId, UUID orderId, String reason) {
        var event = example("shopflow.order.cancelled.v1", eventId, orderId);
        event.put("reason", reason);
        return publishValid("shopflow.order.cancelled.v1", eventId, orderId, event);
    }

    /** Publishes any payload under any type: for events that are not what they claim to be. */
    public UUID publish(UUID eventId, String type, UUID orderId, String payload) {
        var record = new ProducerRecord<>("orders.v1", orderId.toString(), payload);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId.toString());
        header(record, "ce_type", type);
        header(record, "ce_source", "/shopflow/order-service");
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_subject", orderId.toString());
        header(record, "content-type", "application/json");
        kafka.send(record).join();
        return eventId;
    }

    private ObjectNode example(String type, UUID eventId, UUID orderId) {
        var event = (ObjectNode) json.readTree(EventContracts.example(type));
        return event.put("eventId", eventId.toString()).put("orderId", orderId.toString())
                .put("occurredAt", Instant.now().toString());
    }

    private UUID publishValid(String type, UUID eventId, UUID orderId, ObjectNode event) {
        EventContracts.requireValid(type, event.toString());
        return publish(eventId, type, orderId, event.toString());
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
