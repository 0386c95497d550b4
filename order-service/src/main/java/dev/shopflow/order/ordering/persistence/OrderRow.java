package dev.shopflow.order.ordering.persistence;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code orders}. */
record OrderRow(UUID id, UUID userId, String status, String cancellationReason, String paymentMethod,
        UUID paymentId, long totalAmount, String currency, Instant createdAt, Instant updatedAt) {
}
