package dev.shopflow.catalog.product.persistence;

import dev.shopflow.catalog.product.Category;
import java.util.UUID;

/** A row of {@code categories}, with the number of products (not deleted) in it. */
record CategoryRow(UUID id, String slug, String name, long productCount) {

    Category toCategory() {
        return new Category(id, slug, name, productCount);
    }
}
