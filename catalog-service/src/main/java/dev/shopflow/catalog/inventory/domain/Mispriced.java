package dev.shopflow.catalog.inventory.domain;

import java.util.UUID;

/** An order's line at a unit price catalog did not publish, and the price catalog asks now. */
public record Mispriced(UUID productId, Price unitPrice, Price currentPrice) {
}
