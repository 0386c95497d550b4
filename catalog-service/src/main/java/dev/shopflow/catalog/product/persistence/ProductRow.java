package dev.shopflow.catalog.product.persistence;

import dev.shopflow.catalog.product.Product;
import dev.shopflow.catalog.product.domain.Money;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A product that is not deleted, joined with its category's slug and name and what is available of it (on hand
 * minus reserved; zero when it has no stock).
 */
record ProductRow(
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
        int available) {

    Product toProduct() {
        return new Product(id, sku, name, description, categorySlug, categoryName,
                new Money(priceAmount, priceCurrency), available, imageUrl, attributes, version, createdAt, updatedAt);
    }
}
