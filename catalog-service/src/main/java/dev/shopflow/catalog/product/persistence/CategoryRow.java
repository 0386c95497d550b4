package dev.shopflow.catalog.product.persistence;

import java.util.UUID;

/** A row of {@code categories}, with the number of products (not deleted) in it. */
public record CategoryRow(UUID id, String slug, String name, long productCount) {
}
