package dev.shopflow.order.ordering;

import dev.shopflow.order.cart.CartCheckout;
import dev.shopflow.order.cart.Carts;
import dev.shopflow.order.catalog.Catalog;
import dev.shopflow.order.catalog.CatalogProduct;
import dev.shopflow.order.catalog.ProductNotFound;
import dev.shopflow.order.ordering.domain.Order;
import dev.shopflow.order.ordering.domain.OrderLine;
import dev.shopflow.order.ordering.persistence.IdempotencyKeyRepository;
import dev.shopflow.order.ordering.persistence.OrderRepository;
import dev.shopflow.order.ordering.persistence.TimelineRepository;
import dev.shopflow.platform.security.AuthenticatedUser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Checkout and the customer's side of orders: place, find, list and cancel (following one: {@link OrderStreams}). */
@Service
public class Orders {

    private final OrderRepository orders;
    private final IdempotencyKeyRepository idempotencyKeys;
    private final TimelineRepository timeline;
    private final OrderWriter writer;
    private final Carts carts;
    private final Catalog catalog;
    private final TransactionalOperator transactions;
    private final Clock clock;

    Orders(OrderRepository orders, IdempotencyKeyRepository idempotencyKeys, TimelineRepository timeline,
            OrderWriter writer, Carts carts, Catalog catalog, TransactionalOperator transactions, Clock clock) {
        this.orders = orders;
        this.idempotencyKeys = idempotencyKeys;
        this.timeline = timeline;
        this.writer = writer;
        this.carts = carts;
        this.catalog = catalog;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Places an order from the user's cart (emptying it) or from the command's items, every line priced at catalog's
     * current price; the order, its {@code OrderPlaced} event and the emptied cart commit together. A key the user
     * used before returns the order it created, unchanged.
     *
     * @return the order (new, or the one this key created before)
     * @throws PricesChanged        a cart checkout found prices that changed since their products were added: the
     *                              cart now holds catalog's prices (committed) and no order is placed
     * @throws IdempotencyKeyReused the key was used with a different request
     * @throws CartIsEmpty          a cart checkout of an empty cart
     * @throws UnknownProducts      items naming products catalog does not have
     * @throws dev.shopflow.order.ordering.domain.InvalidOrder lines that break an order's rules
     * @throws dev.shopflow.order.catalog.CatalogUnavailable   catalog cannot price the items now
     */
    public Mono<Order> place(PlaceOrderCommand command) {
        byte[] hash = command.requestHash();
        return previousOrder(command, hash).switchIfEmpty(Mono.defer(() -> command.fromCart()
                ? placeFromCart(command, hash)
                : priced(command).flatMap(lines -> placeOnce(command, hash,
                        Mono.defer(() -> record(command, hash, lines))))));
    }

    /**
     * The order, to its owner or an administrator.
     *
     * @throws OrderNotFound when there is none, or the caller may not see it
     */
    public Mono<Order> find(UUID orderId, AuthenticatedUser caller) {
        return orders.find(orderId)
                .filter(order -> caller.mayAccessResourceOf(order.userId()))
                .switchIfEmpty(Mono.error(() -> new OrderNotFound(orderId)));
    }

    /** One page of the caller's orders, newest first. */
    public Mono<OrderPage> findMine(AuthenticatedUser caller, int page, int size) {
        return orders.findByUser(caller.id(), page, size).collectList()
                .zipWith(orders.countByUser(caller.id()))
                .map(found -> new OrderPage(found.getT1(), page, size, found.getT2()));
    }

    /**
     * Every step of the order's saga so far, in order.
     *
     * @throws OrderNotFound when there is none, or the caller may not see it
     */
    public Flux<TimelineStep> timeline(UUID orderId, AuthenticatedUser caller) {
        return find(orderId, caller).flatMapMany(order -> timeline.of(orderId))
                .map(entry -> new TimelineStep(entry.occurredAt(), entry.step(), entry.actor(), entry.detail()));
    }

    /**
     * The customer cancels the order before it is paid; it announces {@code OrderCancelled(CUSTOMER_CANCELLED)}.
     * Cancelling an order that is cancelled already changes nothing.
     *
     * @return the order after the cancellation
     * @throws OrderNotFound when there is none, or the caller may not see it
     * @throws dev.shopflow.order.ordering.domain.OrderCannotBeCancelled when it is confirmed
     */
    public Mono<Order> cancel(UUID orderId, AuthenticatedUser caller) {
        return transactions.transactional(orders.lock(orderId)
                .filter(order -> caller.mayAccessResourceOf(order.userId()))
                .switchIfEmpty(Mono.error(() -> new OrderNotFound(orderId)))
                .flatMap(order -> {
                    var before = order.status();
                    var cancelled = order.cancelByCustomer(clock.instant());
                    return writer.storeChange(order, before, cancelled).thenReturn(order);
                }));
    }

    private Mono<Order> previousOrder(PlaceOrderCommand command, byte[] hash) {
        return idempotencyKeys.find(command.userId(), command.idempotencyKey())
                .flatMap(used -> Arrays.equals(used.requestHash(), hash) ? orders.find(used.orderId())
                        : Mono.error(new IdempotencyKeyReused(command.idempotencyKey())));
    }

    /** The buy-now lines, each priced by catalog now. */
    private Mono<List<OrderLine>> priced(PlaceOrderCommand command) {
        return Flux.fromIterable(command.items())
                .flatMapSequential(item -> catalog.product(item.productId())
                        .map(Optional::of)
                        .onErrorResume(ProductNotFound.class, unknown -> Mono.just(Optional.<CatalogProduct>empty())),
                        4)
                .collectList()
                .map(products -> {
                    var unknown = new ArrayList<Integer>();
                    var lines = new ArrayList<OrderLine>();
                    for (int i = 0; i < products.size(); i++) {
                        if (products.get(i).isPresent()) {
                            lines.add(line(products.get(i).get(), command.items().get(i).quantity()));
                        } else {
                            unknown.add(i);
                        }
                    }
                    if (!unknown.isEmpty()) {
                        throw new UnknownProducts(unknown);
                    }
                    return List.copyOf(lines);
                });
    }

    /**
     * Runs the checkout in one transaction under the key's lock, unless the key placed an order meanwhile (a
     * concurrent checkout with the same key may have won). A refusal is signalled only after the commit, so that a
     * repriced cart is kept.
     */
    private Mono<Order> placeOnce(PlaceOrderCommand command, byte[] hash, Mono<Checkout> checkout) {
        return transactions.transactional(idempotencyKeys.lock(command.userId(), command.idempotencyKey())
                        .then(previousOrder(command, hash))
                        .<Checkout>map(Checkout.Placed::new)
                        .switchIfEmpty(checkout))
                .flatMap(outcome -> switch (outcome) {
                    case Checkout.Placed placed -> Mono.just(placed.order());
                    case Checkout.Refused refused -> Mono.error(new PricesChanged(refused.changes()));
                });
    }

    /**
     * Prices the cart at catalog before the transaction, so that no lock is held while catalog answers; in the
     * transaction, the cart is either taken at those prices or repriced and kept.
     */
    private Mono<Order> placeFromCart(PlaceOrderCommand command, byte[] hash) {
        UUID userId = command.userId();
        return carts.catalogPrices(userId).flatMap(prices -> placeOnce(command, hash, Mono.defer(() ->
                carts.takeForCheckout(userId, prices).flatMap(cart -> switch (cart) {
                    case CartCheckout.Taken taken ->
                            record(command, hash, taken.lines().stream().map(Orders::line).toList());
                    case CartCheckout.Repriced repriced -> Mono.<Checkout>just(new Checkout.Refused(repriced.changes()));
                }))));
    }

    /** Places the order with these lines and records the key that placed it. */
    private Mono<Checkout> record(PlaceOrderCommand command, byte[] hash, List<OrderLine> orderLines) {
        if (orderLines.isEmpty()) {
            return Mono.error(new CartIsEmpty());
        }
        var placement = Order.place(UUID.randomUUID(), command.userId(), orderLines, command.paymentMethod(),
                clock.instant());
        Order order = placement.order();
        return writer.storePlaced(order, placement.placed())
                .then(idempotencyKeys.insert(command.userId(), command.idempotencyKey(), hash, order.id(),
                        order.createdAt()))
                .thenReturn(new Checkout.Placed(order));
    }

    /** What a checkout's transaction comes to: an order, or none because the cart was repriced. */
    private sealed interface Checkout {

        record Placed(Order order) implements Checkout {
        }

        record Refused(List<CartCheckout.ChangedPrice> changes) implements Checkout {
        }
    }

    private static OrderLine line(CatalogProduct product, int quantity) {
        return new OrderLine(product.id(), product.name(), product.price(), quantity);
    }

    private static OrderLine line(CartCheckout.Line item) {
        return new OrderLine(item.productId(), item.name(), item.unitPrice(), item.quantity());
    }
}
