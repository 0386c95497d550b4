package dev.shopflow.order.ordering.persistence;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code order_timeline}: an append-only record of every saga step. */
@Repository
public class TimelineRepository {

    /** One step as stored; {@code detail} may be null. */
    public record Entry(Instant occurredAt, String step, String actor, String detail) {
    }

    private final DatabaseClient database;

    public TimelineRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Appends a step to the order's timeline (in the caller's transaction, if any). */
    public Mono<Void> append(UUID orderId, Entry entry) {
        var spec = database.sql("""
                        INSERT INTO order_timeline (order_id, occurred_at, step, actor, detail)
                        VALUES (:orderId, :occurredAt, :step, :actor, :detail)""")
                .bind("orderId", orderId)
                .bind("occurredAt", entry.occurredAt())
                .bind("step", entry.step())
                .bind("actor", entry.actor());
        return (entry.detail() == null ? spec.bindNull("detail", String.class) : spec.bind("detail", entry.detail()))
                .then();
    }

    /** The order's steps in the order they were recorded. */
    public Flux<Entry> of(UUID orderId) {
        return database.sql("SELECT occurred_at, step, actor, detail FROM order_timeline WHERE order_id = :orderId ORDER BY id")
                .bind("orderId", orderId)
                .map(row -> new Entry(row.get("occurred_at", Instant.class), row.get("step", String.class),
                        row.get("actor", String.class), row.get("detail", String.class)))
                .all();
    }
}
