package dev.shopflow.order.ordering.domain;

import dev.shopflow.order.money.Money;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of an order: a product, its name and unit price as they were when the order was placed, and a quantity.
 *
 * @param quantity 1 to {@value #MAX_QUANTITY}
 */
public record OrderLine(UUID productId, String name, Money unitPrice, int quantity) {

    public static final int MAX_QUANTITY = 99;

    public OrderLine {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("A line's quantity is 1 to " + MAX_QUANTITY + ", not " + quantity);
        }
    }

    /** Unit price times quantity. */
    public Money total() {
        return unitPrice.times(quantity);
    }
}
