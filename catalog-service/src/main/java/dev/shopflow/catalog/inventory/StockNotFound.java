package dev.shopflow.catalog.inventory;

import java.util.UUID;

/** No product has this id, or it has been deleted: there is no stock to set. */
public class StockNotFound extends RuntimeException {

    private final UUID productId;

    public StockNotFound(UUID productId) {
        super("There is no product " + productId + ".");
        this.productId = productId;
    }

    public UUID productId() {
        return productId;
    }
}
