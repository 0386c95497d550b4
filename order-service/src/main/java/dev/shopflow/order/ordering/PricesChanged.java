package dev.shopflow.order.ordering;

import dev.shopflow.order.cart.CartCheckout.ChangedPrice;
import java.util.List;

/**
 * A cart checkout found unit prices that changed since their products were added. The cart now holds catalog's
 * current prices; the customer checks out again to buy at them.
 */
public class PricesChanged extends RuntimeException {

    private final List<ChangedPrice> changes;

    /** @param changes each line whose price changed, with its old and new unit price */
    public PricesChanged(List<ChangedPrice> changes) {
        super(changes.size() == 1
                ? "The price of a product in the cart changed since it was added; the cart now shows the new price. "
                        + "Check out again to buy at it."
                : "The prices of " + changes.size() + " products in the cart changed since they were added; the cart "
                        + "now shows the new prices. Check out again to buy at them.");
        this.changes = List.copyOf(changes);
    }

    public List<ChangedPrice> changes() {
        return changes;
    }
}
