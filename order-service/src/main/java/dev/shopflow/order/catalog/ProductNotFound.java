package dev.shopflow.order.catalog;

import java.util.UUID;

/** Catalog has no product with this id. */
public class ProductNotFound extends RuntimeException {

    private final UUID productId;

    public ProductNotFound(UUID productId) {
        super("There is no product " + productId + " in the catalog.");
        this.productId = productId;
    }

    public UUID productId() {
        return productId;
    }
}
