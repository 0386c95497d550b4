package dev.shopflow.tidyshop.ordering;

import dev.shopflow.tidyshop.cart.CartCheckout;

/** A fixture of {@code ServiceArchitectureTest}: reaches the cart feature through its application package. */
public class Orders {

    public int place(String productId) {
        return new CartCheckout().quantityOf(productId);
    }
}
