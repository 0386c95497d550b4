package dev.shopflow.catalog.product;

import dev.shopflow.catalog.product.domain.Money;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A product as the catalog shows it.
 *
 * @param category the slug of its category
 * @param available what can still be ordered: on hand minus reserved
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
        attributes = Map.copyOf(attributes);
    }
}
