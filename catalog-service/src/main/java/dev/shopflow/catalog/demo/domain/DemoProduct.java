package dev.shopflow.catalog.demo.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A product of the demo catalog; its id is derived from its SKU.
 *
 * @param category the slug of its category
 * @param price in minor units
 * @param createdAt when it counts as added: products are spread over a few weeks, so that {@code newest} means
 *        something
 */
public record DemoProduct(
        UUID id,
        String sku,
        String name,
        String description,
        String category,
        long price,
        Map<String, String> attributes,
        Instant createdAt) {

    public DemoProduct {
        attributes = Map.copyOf(attributes);
    }
}
