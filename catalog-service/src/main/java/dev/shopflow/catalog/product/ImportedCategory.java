package dev.shopflow.catalog.product;

import java.util.UUID;

/** A category to load with a whole catalog, under an id the loader chose. */
public record ImportedCategory(UUID id, String slug, String name) {
}
