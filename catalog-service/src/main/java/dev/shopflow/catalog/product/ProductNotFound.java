package dev.shopflow.catalog.product;

import java.util.UUID;

/** No product has this id, or it has been deleted. */
public class ProductNotFound extends RuntimeException {

    public ProductNotFound(UUID id) {
        super("There is no product " + id + ".");
    }
}
