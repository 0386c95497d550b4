package dev.shopflow.order.cart;

import dev.shopflow.order.cart.domain.Cart;
import dev.shopflow.order.cart.domain.CartLine;
import dev.shopflow.order.cart.domain.PriceChange;
import dev.shopflow.order.cart.persistence.CartRepository;
import dev.shopflow.order.catalog.Catalog;
import dev.shopflow.order.catalog.ProductNotFound;
import dev.shopflow.order.money.Money;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Each user's cart: find, add, change, remove, empty — and hand over to checkout. */
@Service
public class Carts {

    private final CartRepository carts;
    private final Catalog catalog;
    private final TransactionalOperator transactions;
    private final Clock clock;

    Carts(CartRepository carts, Catalog catalog, TransactionalOperator transactions, Clock clock) {
        this.carts = carts;
        this.catalog = catalog;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The user's cart (empty when they have none). */
    public Mono<Cart> find(UUID userId) {
        return carts.items(userId).collectList().map(lines -> Cart.of(userId, lines));
    }

    /**
     * Puts {@code quantity} more of a product in the cart, with the name and price catalog gives now.
     *
     * @return the cart after the change
     * @throws dev.shopflow.order.catalog.ProductNotFound     catalog has no such product
     * @throws dev.shopflow.order.catalog.CatalogUnavailable  catalog cannot answer now
     * @throws dev.shopflow.order.cart.domain.CartChangeRefused the change breaks a cart rule
     */
    public Mono<Cart> add(UUID userId, UUID productId, int quantity) {
        return catalog.product(productId).flatMap(product -> change(userId,
                cart -> cart.add(product.id(), product.name(), product.price(), quantity, clock.instant())));
    }

    /**
     * Sets how many of a product the cart holds.
     *
     * @throws dev.shopflow.order.cart.domain.ProductNotInCart  the cart holds none
     * @throws dev.shopflow.order.cart.domain.CartChangeRefused the quantity is outside 1..99
     */
    public Mono<Cart> changeQuantity(UUID userId, UUID productId, int quantity) {
        return change(userId, cart -> cart.changeQuantity(productId, quantity));
    }

    /** Takes a product out of the cart (nothing changes when it is not there). */
    public Mono<Cart> remove(UUID userId, UUID productId) {
        return change(userId, cart -> cart.remove(productId));
    }

    /** Empties the cart. */
    public Mono<Void> empty(UUID userId) {
        return carts.empty(userId);
    }

    /**
     * Catalog's current unit price of each product in the user's cart, looked up before the checkout's transaction
     * so that it holds no lock while catalog answers.
     *
     * @return the prices of the products catalog has, and every product it was asked about
     * @throws dev.shopflow.order.catalog.CatalogUnavailable catalog cannot answer now
     */
    public Mono<CatalogPrices> catalogPrices(UUID userId) {
        return carts.items(userId).map(CartLine::productId).collectList()
                .flatMap(productIds -> lookUpPrices(productIds)
                        .map(prices -> new CatalogPrices(Set.copyOf(productIds), prices)));
    }

    /**
     * Takes the user's cart for a checkout at catalog's current prices ({@link #catalogPrices}; a product added
     * since then is looked up now). When every line is at its current price the cart is emptied and its lines
     * answered; otherwise the cart is repriced and kept. Run it in the checkout's transaction: if the order is not
     * placed, the cart stays as it was.
     *
     * @return {@link CartCheckout.Taken} with the lines, oldest first (none when the cart is empty), or
     *         {@link CartCheckout.Repriced} with what changed
     * @throws dev.shopflow.order.catalog.CatalogUnavailable catalog cannot price a product added meanwhile
     */
    public Mono<CartCheckout> takeForCheckout(UUID userId, CatalogPrices catalogPrices) {
        return carts.lockItems(userId).collectList().flatMap(items -> {
            // Only a product added since is asked about here, while the cart's rows are locked; one that catalog
            // no longer has was asked about already, and keeps its cart price (catalog refuses to reserve it).
            List<UUID> notLookedUp = items.stream().map(CartLine::productId)
                    .filter(productId -> !catalogPrices.lookedUp().contains(productId)).toList();
            return lookUpPrices(notLookedUp).flatMap(addedMeanwhile -> {
                var prices = new HashMap<>(catalogPrices.prices());
                prices.putAll(addedMeanwhile);
                Cart cart = Cart.of(userId, items);
                List<PriceChange> changes = cart.reprice(prices);
                if (!changes.isEmpty()) {
                    return carts.replace(userId, cart.lines(), clock.instant())
                            .thenReturn(new CartCheckout.Repriced(
                                    changes.stream().map(Carts::changedPrice).toList()));
                }
                return carts.empty(userId).thenReturn(new CartCheckout.Taken(items.stream().map(Carts::line).toList()));
            });
        });
    }

    private static CartCheckout.Line line(CartLine line) {
        return new CartCheckout.Line(line.productId(), line.name(), line.unitPrice(), line.quantity());
    }

    private static CartCheckout.ChangedPrice changedPrice(PriceChange change) {
        return new CartCheckout.ChangedPrice(change.productId(), change.oldUnitPrice(), change.newUnitPrice());
    }

    /** A product catalog does not have (deleted since) keeps its cart price: catalog refuses to reserve it. */
    private Mono<Map<UUID, Money>> lookUpPrices(List<UUID> productIds) {
        return Flux.fromIterable(productIds)
                .flatMap(productId -> catalog.product(productId)
                        .map(product -> Map.entry(productId, product.price()))
                        .onErrorResume(ProductNotFound.class, gone -> Mono.empty()), 4)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private Mono<Cart> change(UUID userId, Consumer<Cart> change) {
        return transactions.transactional(carts.lockItems(userId).collectList().flatMap(lines -> {
            Cart cart = Cart.of(userId, lines);
            change.accept(cart);
            return carts.replace(userId, cart.lines(), clock.instant()).thenReturn(cart);
        }));
    }
}
