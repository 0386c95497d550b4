package dev.shopflow.order.ordering.persistence;

import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;
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

    /**
     * Appends steps to the order's timeline in the order given, with one statement (in the caller's transaction, if
     * any): a saga step records what another service did and what this one announced in reply.
     */
    public Mono<Void> append(UUID orderId, List<Entry> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        var values = new StringJoiner(", ");
        for (int i = 0; i < entries.size(); i++) {
            values.add("(:orderId, :occurredAt" + i + ", :step" + i + ", :actor" + i + ", :detail" + i + ")");
        }
        // The rows of one VALUES list get their ids in list order, which is the order the timeline is read in.
        var spec = database.sql("INSERT INTO order_timeline (order_id, occurred_at, step, actor, detail) VALUES " + values)
                .bind("orderId", orderId);
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            spec = spec.bind("occurredAt" + i, entry.occurredAt())
                    .bind("step" + i, entry.step())
                    .bind("actor" + i, entry.actor());
            spec = entry.detail() == null ? spec.bindNull("detail" + i, String.class) : spec.bind("detail" + i, entry.detail());
        }
        return spec.then();
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
