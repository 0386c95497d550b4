package dev.shopflow.catalog.inventory.domain;

import java.util.Objects;
import java.util.UUID;

/** A quantity of one product that an order asks for. */
public record OrderLine(UUID productId, int quantity) {

    public OrderLine {
        Objects.requireNonNull(productId, "productId");
        if (quantity < 1) {
            throw new IllegalArgumentException("A line asks for at least one unit, not " + quantity);
        }
    }
}
