package dev.shopflow.auth.token.persistence;

import dev.shopflow.auth.token.domain.RefreshToken;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code refresh_tokens}, without its hash. */
record RefreshTokenRow(UUID id, UUID userId, UUID familyId, Instant expiresAt, Instant rotatedAt, Instant revokedAt) {

    RefreshToken token() {
        return new RefreshToken(id, userId, familyId, expiresAt, rotatedAt, revokedAt);
    }
}
