package dev.shopflow.auth.token.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored refresh token (its value is never stored, only its hash): whose it is, its rotation family, and whether
 * it can still be used.
 *
 * @param rotatedAt when it was exchanged for a new pair, or {@code null}
 * @param revokedAt when its family was revoked, or {@code null}
 */
public record RefreshToken(UUID id, UUID userId, UUID familyId, Instant expiresAt, Instant rotatedAt,
        Instant revokedAt) {
}
