package dev.shopflow.catalog.product;

import dev.shopflow.catalog.product.domain.ProductDetails;
import java.time.Instant;
import java.util.UUID;

/**
 * A product to load with a whole catalog, under an id the loader chose (so that the same catalog has the same ids
 * everywhere).
 *
 * @param stock units on hand
 * @param createdAt when it counts as added (the {@code newest} sort)
 */
public record ImportedProduct(UUID id, ProductDetails details, int stock, Instant createdAt) {
}
