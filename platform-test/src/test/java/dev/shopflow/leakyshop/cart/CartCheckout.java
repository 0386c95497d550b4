package dev.shopflow.leakyshop.cart;

import dev.shopflow.leakyshop.cart.domain.CartLine;
import dev.shopflow.leakyshop.cart.persistence.CartRepository;

/** A fixture of {@code ServiceArchitectureTest}: the cart feature's application API. */
public class CartCheckout {

    private final CartRepository carts = new CartRepository();

    public int quantityOf(String productId) {
        CartLine line = carts.find(productId);
        return line.quantity();
    }
}
