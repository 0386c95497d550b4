package dev.shopflow.auth.token.persistence;

import dev.shopflow.auth.token.domain.RefreshToken;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Refresh tokens by the SHA-256 hash of their value; the value itself is never stored. */
@Repository
public class RefreshTokenRepository {

    private final DatabaseClient database;

    public RefreshTokenRepository(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Void> insert(UUID id, UUID userId, UUID familyId, byte[] hash, Instant issuedAt, Instant expiresAt) {
        return database.sql("""
                        INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, issued_at, expires_at)
                        VALUES (:id, :userId, :familyId, :hash, :issuedAt, :expiresAt)""")
                .bind("id", id)
                .bind("userId", userId)
                .bind("familyId", familyId)
                .bind("hash", hash)
                .bind("issuedAt", issuedAt)
                .bind("expiresAt", expiresAt)
                .then();
    }

    /** The token whose value has this hash, or empty. */
    public Mono<RefreshToken> findByHash(byte[] hash) {
        return database.sql("""
                        SELECT id, user_id, family_id, expires_at, rotated_at, revoked_at
                        FROM refresh_tokens WHERE token_hash = :hash""")
                .bind("hash", hash)
                .map(row -> new RefreshTokenRow(row.get("id", UUID.class), row.get("user_id", UUID.class),
                        row.get("family_id", UUID.class), row.get("expires_at", Instant.class),
                        row.get("rotated_at", Instant.class), row.get("revoked_at", Instant.class)))
                .one()
                .map(RefreshTokenRow::token);
    }

    /**
     * Marks the token used, if nobody has used, revoked or outlived it yet. Of two requests racing with one token,
     * exactly one gets {@code true}.
     */
    public Mono<Boolean> markRotated(UUID id, Instant now) {
        return database.sql("""
                        UPDATE refresh_tokens SET rotated_at = :now
                        WHERE id = :id AND rotated_at IS NULL AND revoked_at IS NULL AND expires_at > :now""")
                .bind("id", id)
                .bind("now", now)
                .fetch().rowsUpdated()
                .map(updated -> updated == 1);
    }

    /** Revokes every token of the family that are not yet revoked. */
    public Mono<Long> revokeFamily(UUID familyId, Instant now) {
        return database.sql("UPDATE refresh_tokens SET revoked_at = :now WHERE family_id = :familyId AND revoked_at IS NULL")
                .bind("familyId", familyId)
                .bind("now", now)
                .fetch().rowsUpdated();
    }

    /** Deletes tokens that expired before {@code before}; they can never be used again. */
    public Mono<Long> deleteExpired(Instant before) {
        return database.sql("DELETE FROM refresh_tokens WHERE expires_at < :before")
                .bind("before", before)
                .fetch().rowsUpdated();
    }
}
