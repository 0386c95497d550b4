package dev.shopflow.order.cart.domain;

import java.util.UUID;

/** A change names a product that is not in the cart. */
public class ProductNotInCart extends RuntimeException {

    public ProductNotInCart(UUID productId) {
        super("Product " + productId + " is not in the cart.");
    }
}
