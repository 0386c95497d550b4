package dev.shopflow.leakyshop.ordering;

import dev.shopflow.leakyshop.cart.domain.CartLine;

/** A fixture of {@code ServiceArchitectureTest}: reaches into the cart feature's domain package. */
public class Orders {

    public int place(CartLine line) {
        return line.quantity();
    }
}
