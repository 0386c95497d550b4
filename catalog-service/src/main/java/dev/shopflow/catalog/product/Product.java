package dev.shopflow.catalog.product;

import dev.shopflow.catalog.product.domain.Money;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A product as the catalog shows it.
 *
 * @param category the slug of its category
 * @param available what can still be ordered: on hand minus reserved
 * @param attributes a few facts such as {@code color}, sorted by name
 * @param version counts its changes; an update names the version it was based on
 */
public record Product(
        UUID id,
        String sku,
        String name,
        String description,
        String category,
        String categoryName,
        Money price,
        int available,
        String imageUrl,
        Map<String, String> attributes,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Product {
        // Sorted by name, so that the same product is always the same JSON.
        attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    }
}
