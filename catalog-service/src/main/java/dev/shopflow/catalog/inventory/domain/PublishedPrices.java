package dev.shopflow.catalog.inventory.domain;

import java.util.Objects;
import java.util.Set;

/**
 * The prices catalog honours for one product: the current one, and those replaced within the grace period (an order
 * priced a moment before an administrator changed the price is still in flight).
 */
public record PublishedPrices(Price current, Set<Price> recentlyReplaced) {

    public PublishedPrices {
        Objects.requireNonNull(current, "current");
        recentlyReplaced = Set.copyOf(recentlyReplaced);
    }

    /** Whether an order may carry this unit price. */
    public boolean honour(Price unitPrice) {
        return current.equals(unitPrice) || recentlyReplaced.contains(unitPrice);
    }
}
