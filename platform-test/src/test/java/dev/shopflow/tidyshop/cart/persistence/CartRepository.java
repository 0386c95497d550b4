package dev.shopflow.tidyshop.cart.persistence;

import dev.shopflow.tidyshop.cart.domain.CartLine;

/** A fixture of {@code ServiceArchitectureTest}: maps rows to domain values, as repositories do. */
public class CartRepository {

    public CartLine find(String productId) {
        var row = new CartRow(productId, 1);
        return new CartLine(row.productId(), row.quantity());
    }
}
