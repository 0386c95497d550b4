package dev.shopflow.catalog.inventory.domain;

import java.util.Objects;
import java.util.UUID;

/** The unit price an order's line carries for a product: what the customer is to be charged for one. */
public record OrderedPrice(UUID productId, Price unitPrice) {

    public OrderedPrice {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(unitPrice, "unitPrice");
    }
}
