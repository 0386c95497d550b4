package dev.shopflow.order.ordering.persistence;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** {@code idempotency_keys}: which order a user's checkout key created, and a hash of the request it came with. */
@Repository
public class IdempotencyKeyRepository {

    /** A key already used: the hash of its request and the order it created. */
    public record UsedKey(byte[] requestHash, UUID orderId) {
    }

    private final DatabaseClient database;

    public IdempotencyKeyRepository(DatabaseClient database) {
        this.database = database;
    }

    /**
     * Makes concurrent checkouts with the same user and key take turns until the transaction ends (a PostgreSQL
     * transaction-level advisory lock), so that the second one finds the order the first one placed.
     */
    public Mono<Void> lock(UUID userId, String key) {
        long lockId = userId.getMostSignificantBits() ^ userId.getLeastSignificantBits() ^ ((long) key.hashCode() << 16);
        return database.sql("SELECT pg_advisory_xact_lock(:lockId)").bind("lockId", lockId).then();
    }

    /** The use of {@code key} by {@code userId}, or empty. */
    public Mono<UsedKey> find(UUID userId, String key) {
        return database.sql("SELECT request_hash, order_id FROM idempotency_keys WHERE user_id = :userId AND key = :key")
                .bind("userId", userId)
                .bind("key", key)
                .map(row -> new UsedKey(row.get("request_hash", byte[].class), row.get("order_id", UUID.class)))
                .one();
    }

    /** Records the key; call {@link #lock} first in the same transaction. */
    public Mono<Void> insert(UUID userId, String key, byte[] requestHash, UUID orderId, Instant now) {
        return database.sql("""
                        INSERT INTO idempotency_keys (user_id, key, request_hash, order_id, created_at)
                        VALUES (:userId, :key, :hash, :orderId, :now)""")
                .bind("userId", userId)
                .bind("key", key)
                .bind("hash", requestHash)
                .bind("orderId", orderId)
                .bind("now", now)
                .then();
    }
}
