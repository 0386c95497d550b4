package dev.shopflow.platform.outbox;

import dev.shopflow.platform.events.PublishedEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends events to the outbox table in the caller's R2DBC transaction: they are published if, and only if, that
 * transaction commits. The transaction should also change the aggregate the event is about; that keeps one
 * aggregate's events in commit order.
 */
public class Outbox {

    private final DatabaseClient database;
    private final JsonMapper json;
    private final OutboxTracing tracing;

    /** An outbox that writes payloads with {@code json}, the service's mapper. */
    public Outbox(DatabaseClient database, JsonMapper json) {
        this(database, json, OutboxTracing.NONE);
    }

    /** An outbox that also stores the current trace context with each event, for the relay to continue it. */
    public Outbox(DatabaseClient database, JsonMapper json, OutboxTracing tracing) {
        this.database = database;
        this.json = json;
        this.tracing = tracing;
    }

    /**
     * Appends one event record: its JSON is the payload, its {@link PublishedEvent#eventId() id},
     * {@link PublishedEvent#type() type} and {@link PublishedEvent#occurredAt() time} describe it.
     *
     * @param topic the Kafka topic
     * @param key   the aggregate id: the record key (so that one aggregate's events keep their order) and the subject
     * @return completes when the row is written (visible to the relay after commit)
     * @throws OutboxOutsideTransaction (as the error signal) when no transaction is active
     */
    public Mono<Void> append(String topic, String key, PublishedEvent event) {
        return Mono.fromCallable(() -> new OutboxEvent(event.eventId(), topic, key, event.type(), event.occurredAt(),
                        json.writeValueAsString(event)))
                .flatMap(this::append);
    }

    /** Appends one event as the outbox stores it; services append their records through the method above. */
    Mono<Void> append(OutboxEvent event) {
        return requireTransaction().then(tracing.capture()).flatMap(traceHeaders -> database.sql("""
                        INSERT INTO outbox (event_id, topic, record_key, event_type, occurred_at, payload, headers)
                        VALUES (:eventId, :topic, :key, :type, :occurredAt, :payload, CAST(:headers AS jsonb))""")
                .bind("eventId", event.eventId())
                .bind("topic", event.topic())
                .bind("key", event.key())
                .bind("type", event.type())
                .bind("occurredAt", event.occurredAt())
                .bind("payload", event.payloadJson())
                .bind("headers", OutboxHeaders.toJson(traceHeaders))
                .then());
    }

    private static Mono<Void> requireTransaction() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .filter(TransactionSynchronizationManager::isActualTransactionActive)
                .switchIfEmpty(Mono.error(OutboxOutsideTransaction::new))
                .onErrorMap(org.springframework.transaction.NoTransactionException.class, e -> new OutboxOutsideTransaction())
                .then();
    }
}
