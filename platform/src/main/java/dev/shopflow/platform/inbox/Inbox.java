package dev.shopflow.platform.inbox;

import dev.shopflow.platform.kafka.ReceivedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Applies an event's effect once per consumer, however often the event is delivered: the event id is recorded in
 * the same transaction as the effect, so either both commit or neither does, and a redelivery finds the id and
 * changes nothing. Counts what it did in {@code shopflow_inbox_events_total{consumer, outcome=applied|duplicate}}
 * (both at zero from a consumer's first event, so that "no duplicates" shows as 0).
 */
public class Inbox {

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final MeterRegistry meters;

    public Inbox(DatabaseClient database, TransactionalOperator transactions, MeterRegistry meters) {
        this.database = database;
        this.transactions = transactions;
        this.meters = meters;
    }

    /**
     * Runs {@code effect} in a transaction that also records {@code (consumer, event id)}, unless that pair is
     * recorded already.
     *
     * @param consumer who applies the event, such as {@code catalog.reservations}; one event can be applied once by
     *                 each of several consumers
     * @return {@code true} when the effect ran and committed, {@code false} when the event had been applied before
     */
    public Mono<Boolean> applyOnce(String consumer, ReceivedEvent event, Mono<?> effect) {
        return transactions.transactional(database.sql("""
                        INSERT INTO inbox (consumer, event_id, event_type) VALUES (:consumer, :eventId, :type)
                        ON CONFLICT DO NOTHING""")
                .bind("consumer", consumer)
                .bind("eventId", event.id())
                .bind("type", event.type())
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 1 ? effect.then(Mono.just(true)) : Mono.just(false)))
                .doOnNext(applied -> {
                    Counter appliedCounter = counter(consumer, "applied");
                    Counter duplicates = counter(consumer, "duplicate");
                    (applied ? appliedCounter : duplicates).increment();
                });
    }

    private Counter counter(String consumer, String outcome) {
        return Counter.builder("shopflow.inbox.events")
                .description("Events a consumer received through the inbox: applied, or a duplicate that changed nothing")
                .tag("consumer", consumer)
                .tag("outcome", outcome)
                .register(meters);
    }
}
