package dev.shopflow.payment.webhook.persistence;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** {@code stripe_events}: Stripe may deliver an event more than once; its id is recorded once. */
@Repository
public class StripeEventRepository {

    private final DatabaseClient database;

    public StripeEventRepository(DatabaseClient database) {
        this.database = database;
    }

    /** @return {@code true} when the event is new (and now recorded), {@code false} when it was received before */
    public Mono<Boolean> recordIfNew(String eventId, String type, Instant now) {
        return database.sql("""
                        INSERT INTO stripe_events (event_id, type, received_at) VALUES (:eventId, :type, :now)
                        ON CONFLICT (event_id) DO NOTHING""")
                .bind("eventId", eventId)
                .bind("type", type)
                .bind("now", now)
                .fetch().rowsUpdated()
                .map(inserted -> inserted == 1);
    }
}
