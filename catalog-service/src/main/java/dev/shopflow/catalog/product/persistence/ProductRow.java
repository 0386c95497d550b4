package dev.shopflow.catalog.product.persistence;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A product that is not deleted, joined with its category's slug and name and its stock (zero when it has none). */
public record ProductRow(
        UUID id,
        String sku,
        String name,
        String description,
        String categorySlug,
        String categoryName,
        long priceAmount,
        String priceCurrency,
        String imageUrl,
        Map<String, String> attributes,
        long version,
        Instant createdAt,
        Instant updatedAt,
        int onHand,
        int reserved) {
}
