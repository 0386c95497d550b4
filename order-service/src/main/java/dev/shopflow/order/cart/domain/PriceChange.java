package dev.shopflow.order.cart.domain;

import dev.shopflow.order.money.Money;
import java.util.Objects;
import java.util.UUID;

/**
 * A cart line's unit price moved to catalog's current price.
 *
 * @param oldUnitPrice the price the cart held (snapshotted when the product was added)
 * @param newUnitPrice catalog's price now, which the line holds from now on
 */
public record PriceChange(UUID productId, Money oldUnitPrice, Money newUnitPrice) {

    public PriceChange {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(oldUnitPrice, "oldUnitPrice");
        Objects.requireNonNull(newUnitPrice, "newUnitPrice");
    }
}
