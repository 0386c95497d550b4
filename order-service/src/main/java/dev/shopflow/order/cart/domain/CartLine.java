package dev.shopflow.order.cart.domain;

import dev.shopflow.order.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A line of a cart, with the name and unit price catalog gave when the product was (last) added.
 *
 * @param addedAt when the product first went into the cart; lines are listed oldest first
 */
public record CartLine(UUID productId, String name, Money unitPrice, int quantity, Instant addedAt) {

    public CartLine {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(addedAt, "addedAt");
    }

    /** Unit price times quantity. */
    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
