package dev.shopflow.order.cart;

import dev.shopflow.order.cart.persistence.CartRepository;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Each user's cart. */
@Service
public class Carts {

    private final CartRepository carts;

    public Carts(CartRepository carts) {
        this.carts = carts;
    }

    /**
     * Empties the user's cart for a checkout and answers what it held. Run it in the checkout's transaction: if the
     * order is not placed, the cart stays as it was.
     *
     * @return the lines, oldest first; empty when the cart is
     */
    public Mono<List<CartItem>> takeForCheckout(UUID userId) {
        return carts.lockItems(userId).collectList()
                .flatMap(items -> carts.empty(userId).thenReturn(items));
    }
}
