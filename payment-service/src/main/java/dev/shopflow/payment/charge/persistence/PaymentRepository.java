package dev.shopflow.payment.charge.persistence;

import dev.shopflow.payment.charge.domain.Payment;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Reads and writes payments in {@code payments} with plain SQL, mapping each row to and from a {@link Payment}. */
@Repository
public class PaymentRepository {

    private static final String COLUMNS = """
            id, order_id, user_id, status, amount, currency, provider, payment_method, provider_payment_id,
            decline_code, failure_reason, version""";

    private final DatabaseClient database;

    public PaymentRepository(DatabaseClient database) {
        this.database = database;
    }

    /**
     * Inserts the payment unless the order has one already (the unique order id decides, race-free).
     *
     * @return {@code true} when this payment was inserted
     */
    public Mono<Boolean> insertIfOrderHasNone(Payment payment, Instant now) {
        var row = PaymentRow.of(payment);
        return database.sql("""
                        INSERT INTO payments (id, order_id, user_id, status, amount, currency, provider, payment_method,
                                              provider_payment_id, decline_code, failure_reason, created_at, updated_at)
                        VALUES (:id, :orderId, :userId, :status, :amount, :currency, :provider, :paymentMethod,
                                :providerPaymentId, :declineCode, :failureReason, :now, :now)
                        ON CONFLICT (order_id) DO NOTHING""")
                .bind("id", row.id())
                .bind("orderId", row.orderId())
                .bind("userId", row.userId())
                .bind("status", row.status())
                .bind("amount", row.amount())
                .bind("currency", row.currency())
                .bind("provider", row.provider())
                .bind("paymentMethod", row.paymentMethod())
                .bind("providerPaymentId", nullable(row.providerPaymentId()))
                .bind("declineCode", nullable(row.declineCode()))
                .bind("failureReason", nullable(row.failureReason()))
                .bind("now", now)
                .fetch().rowsUpdated()
                .map(inserted -> inserted == 1);
    }

    /** The order's payment, or empty. */
    public Mono<Payment> findByOrderId(UUID orderId) {
        return findFirstWhere("order_id", orderId);
    }

    /** The payment the provider's charge is for (the latest, should a fake provider reuse its ids). */
    public Mono<Payment> findByProviderPaymentId(String providerPaymentId) {
        return findFirstWhere("provider_payment_id", providerPaymentId);
    }

    private Mono<Payment> findFirstWhere(String column, Object value) {
        return database.sql("SELECT " + COLUMNS + " FROM payments WHERE " + column + " = :value ORDER BY created_at DESC")
                .bind("value", value)
                .map(PaymentRepository::row)
                .first()
                .map(PaymentRow::payment);
    }

    /**
     * Writes the payment's state, if nobody changed it since it was read at {@code payment.version()}.
     *
     * @throws OptimisticLockingFailureException (as the error signal) when somebody did
     */
    public Mono<Void> update(Payment payment, Instant now) {
        var row = PaymentRow.of(payment);
        return database.sql("""
                        UPDATE payments SET status = :status, provider_payment_id = :providerPaymentId,
                                            decline_code = :declineCode, failure_reason = :failureReason,
                                            updated_at = :now, version = version + 1
                        WHERE id = :id AND version = :version""")
                .bind("id", row.id())
                .bind("version", row.version())
                .bind("status", row.status())
                .bind("providerPaymentId", nullable(row.providerPaymentId()))
                .bind("declineCode", nullable(row.declineCode()))
                .bind("failureReason", nullable(row.failureReason()))
                .bind("now", now)
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.<Void>empty() : Mono.error(new OptimisticLockingFailureException(
                        "Payment " + row.id() + " changed since it was read at version " + row.version())));
    }

    private static Parameter nullable(String value) {
        return Parameter.fromOrEmpty(value, String.class);
    }

    private static PaymentRow row(Readable row) {
        return new PaymentRow(row.get("id", UUID.class), row.get("order_id", UUID.class), row.get("user_id", UUID.class),
                row.get("status", String.class), row.get("amount", Long.class), row.get("currency", String.class),
                row.get("provider", String.class), row.get("payment_method", String.class),
                row.get("provider_payment_id", String.class), row.get("decline_code", String.class),
                row.get("failure_reason", String.class), row.get("version", Long.class));
    }
}
