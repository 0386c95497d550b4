package dev.shopflow.order.ordering;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A checkout: of the user's cart when {@code items} is empty, otherwise of exactly these items ("buy now").
 *
 * @param idempotencyKey the client's key for this checkout: the same key and request return the same order
 */
public record PlaceOrderCommand(UUID userId, String idempotencyKey, String paymentMethod, List<Item> items) {

    public PlaceOrderCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** A product and how many of it. */
    public record Item(UUID productId, int quantity) {
    }

    public boolean fromCart() {
        return items.isEmpty();
    }

    /** A digest of what was asked (not of who asked or with which key), to recognise the same request again. */
    byte[] requestHash() {
        var canonical = new StringBuilder(paymentMethod).append('\n');
        items.forEach(item -> canonical.append(item.productId()).append('×').append(item.quantity()).append('\n'));
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JDK has SHA-256", impossible);
        }
    }
}
