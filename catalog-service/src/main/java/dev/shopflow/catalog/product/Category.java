package dev.shopflow.catalog.product;

import java.util.UUID;

/**
 * A category products are listed in.
 *
 * @param slug its name in URLs and filters, such as {@code coffee-tea}
 * @param name its name for people, such as {@code Coffee & Tea}
 * @param productCount how many products (not deleted) it lists
 */
public record Category(UUID id, String slug, String name, long productCount) {
}
