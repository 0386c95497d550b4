package dev.shopflow.order.cart;

import dev.shopflow.order.cart.domain.CartLine;
import dev.shopflow.order.cart.domain.PriceChange;
import java.util.List;

/** What a cart comes to at checkout: its lines, all at catalog's current prices, or a cart repriced to them. */
public sealed interface CartCheckout {

    /** Every line was at catalog's price: the cart is emptied and these lines are to be ordered. */
    record Taken(List<CartLine> lines) implements CartCheckout {

        public Taken {
            lines = List.copyOf(lines);
        }
    }

    /**
     * Some prices changed since their products were added: the cart now holds catalog's prices and is kept, so that
     * the customer sees the new total before checking out again.
     */
    record Repriced(List<PriceChange> changes) implements CartCheckout {

        public Repriced {
            changes = List.copyOf(changes);
        }
    }
}
