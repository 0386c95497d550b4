package dev.shopflow.payment.charge.persistence;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** {@code order_cancellations}: the orders this service has been told are cancelled. */
@Repository
public class OrderCancellationRepository {

    private final DatabaseClient database;

    public OrderCancellationRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Records the cancellation; a second one for the same order changes nothing. */
    public Mono<Void> record(UUID orderId, String reason, Instant cancelledAt) {
        return database.sql("""
                        INSERT INTO order_cancellations (order_id, reason, cancelled_at)
                        VALUES (:orderId, :reason, :cancelledAt)
                        ON CONFLICT (order_id) DO NOTHING""")
                .bind("orderId", orderId)
                .bind("reason", reason)
                .bind("cancelledAt", cancelledAt)
                .then();
    }

    public Mono<Boolean> isCancelled(UUID orderId) {
        return database.sql("SELECT EXISTS (SELECT 1 FROM order_cancellations WHERE order_id = :orderId) AS cancelled")
                .bind("orderId", orderId)
                .map(row -> row.get("cancelled", Boolean.class))
                .one();
    }
}
