package dev.shopflow.payment.charge.persistence;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Appends to {@code refunds}: one refund per payment, the unique payment id makes sure of it. */
@Repository
public class RefundRepository {

    private final DatabaseClient database;

    public RefundRepository(DatabaseClient database) {
        this.database = database;
    }

    /**
     * Records a refund the provider made.
     *
     * @param providerRefundId the provider's id; {@code null} when it did not name one
     * @return {@code true} when it was recorded now, {@code false} when the payment had one already
     */
    public Mono<Boolean> recordSucceeded(UUID paymentId, long amount, String currency, String providerRefundId,
            Instant now) {
        return database.sql("""
                        INSERT INTO refunds (id, payment_id, amount, currency, status, provider_refund_id, created_at)
                        VALUES (:id, :paymentId, :amount, :currency, 'SUCCEEDED', :providerRefundId, :now)
                        ON CONFLICT (payment_id) DO NOTHING""")
                .bind("id", UUID.randomUUID())
                .bind("paymentId", paymentId)
                .bind("amount", amount)
                .bind("currency", currency)
                .bind("providerRefundId", Parameter.fromOrEmpty(providerRefundId, String.class))
                .bind("now", now)
                .fetch().rowsUpdated()
                .map(inserted -> inserted == 1);
    }
}
