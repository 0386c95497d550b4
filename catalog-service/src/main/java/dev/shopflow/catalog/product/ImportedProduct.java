package dev.shopflow.catalog.product;

import dev.shopflow.catalog.product.domain.ProductDetails;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A product to load with a whole catalog, under an id the loader chose (so that the same catalog has the same ids
 * everywhere).
 *
 * @param category the slug of its category
 * @param price in minor units of the store's currency
 * @param stock units on hand
 * @param createdAt when it counts as added (the {@code newest} sort)
 */
public record ImportedProduct(
        UUID id,
        String sku,
        String name,
        String description,
        String category,
        long price,
        String imageUrl,
        Map<String, String> attributes,
        int stock,
        Instant createdAt) {

    /** Its details as an administrator would have entered them, priced in {@code currency}. */
    ProductDetails details(String currency) {
        return new ProductDetails(sku, name, description, category, price, currency, imageUrl, attributes);
    }
}
