package dev.shopflow.platform.outbox;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Appends events to the outbox table in the caller's R2DBC transaction: they are published if, and only if, that
 * transaction commits. The transaction should also change the aggregate the event is about; that keeps one
 * aggregate's events in commit order.
 */
public class Outbox {

    private final DatabaseClient database;
    private final OutboxTracing tracing;

    public Outbox(DatabaseClient database) {
        this(database, OutboxTracing.NONE);
    }

    /** An outbox that stores the current trace context with each event, for the relay to continue it. */
    public Outbox(DatabaseClient database, OutboxTracing tracing) {
        this.database = database;
        this.tracing = tracing;
    }

    /**
     * Appends one event.
     *
     * @return completes when the row is written (visible to the relay after commit)
     * @throws OutboxOutsideTransaction (as the error signal) when no transaction is active
     */
    public Mono<Void> append(OutboxEvent event) {
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
