package dev.shopflow.order.cart;

import dev.shopflow.order.money.Money;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a cart comes to at checkout: its lines, all at catalog's current prices, or a cart repriced to them. This is
 * what ordering sees of a cart; the cart's own model ({@code cart.domain}) stays the cart feature's business.
 */
public sealed interface CartCheckout {

    /** Every line was at catalog's price: the cart is emptied and these lines are to be ordered. */
    record Taken(List<Line> lines) implements CartCheckout {

        public Taken {
            lines = List.copyOf(lines);
        }
    }

    /**
     * Some prices changed since their products were added: the cart now holds catalog's prices and is kept, so that
     * the customer sees the new total before checking out again.
     */
    record Repriced(List<ChangedPrice> changes) implements CartCheckout {

        public Repriced {
            changes = List.copyOf(changes);
        }
    }

    /** A line taken from the cart, at the name and unit price catalog gave. */
    record Line(UUID productId, String name, Money unitPrice, int quantity) {

        public Line {
            Objects.requireNonNull(productId, "productId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unitPrice, "unitPrice");
        }
    }

    /**
     * A line's unit price moved to catalog's current price.
     *
     * @param oldUnitPrice the price the cart held (snapshotted when the product was added)
     * @param newUnitPrice catalog's price now, which the line holds from now on
     */
    record ChangedPrice(UUID productId, Money oldUnitPrice, Money newUnitPrice) {

        public ChangedPrice {
            Objects.requireNonNull(productId, "productId");
            Objects.requireNonNull(oldUnitPrice, "oldUnitPrice");
            Objects.requireNonNull(newUnitPrice, "newUnitPrice");
        }
    }
}
