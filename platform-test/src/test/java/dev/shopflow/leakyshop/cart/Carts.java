package dev.shopflow.leakyshop.cart;

import dev.shopflow.leakyshop.cart.persistence.CartRow;

/** A fixture of {@code ServiceArchitectureTest}: application code that handles a row. */
public class Carts {

    public int quantityOf(CartRow row) {
        return row.quantity();
    }
}
