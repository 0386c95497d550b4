package dev.shopflow.tidyshop.cart;

import dev.shopflow.tidyshop.cart.domain.CartLine;
import dev.shopflow.tidyshop.cart.persistence.CartRepository;

/** A fixture of {@code ServiceArchitectureTest}: the cart feature's application API. */
public class CartCheckout {

    private final CartRepository carts = new CartRepository();

    public int quantityOf(String productId) {
        CartLine line = carts.find(productId);
        return line.quantity();
    }
}
