package dev.shopflow.catalog.inventory;

import dev.shopflow.catalog.inventory.domain.StockBelowReserved;
import dev.shopflow.catalog.inventory.domain.StockLevel;
import dev.shopflow.catalog.inventory.persistence.StockRepository;
import dev.shopflow.platform.tracing.TracedLogging;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Stock on hand as administrators count it: the units a product starts with when it is added to the catalog, and
 * a stock count that sets on hand later. The only writer of on hand besides {@link Inventory}, whose reservations
 * hold part of it for orders; on hand never drops below what they hold.
 */
@Service
public class Stock {

    /** The most on hand may be set to: a billion, comfortably inside the database's integer column. */
    public static final int MAX_ON_HAND = StockLevel.MAX_ON_HAND;

    private static final Logger log = LoggerFactory.getLogger(Stock.class);

    private final StockRepository stock;
    private final TransactionalOperator transactions;

    public Stock(StockRepository stock, TransactionalOperator transactions) {
        this.stock = stock;
        this.transactions = transactions;
    }

    /**
     * Puts {@code onHand} units of a product just added to the catalog on the shelf, none of them reserved. Call it
     * in the transaction that adds the product, so that a product is never without its stock.
     *
     * @throws IllegalArgumentException when {@code onHand} is negative or above {@link #MAX_ON_HAND}
     */
    public Mono<Void> stockNewProduct(UUID productId, int onHand) {
        return Mono.fromCallable(() -> new StockLevel(0, 0).withOnHand(onHand))
                .flatMap(initial -> stock.insert(productId, initial));
    }

    /**
     * Sets how many units of a product are on hand (a stock count); what is available follows. The product's stock
     * row is locked as a reservation locks it, so a count and an order never pass each other.
     *
     * @throws StockNotFound when there is no such product, or it is deleted
     * @throws StockBelowReserved when orders hold more than {@code quantity}
     * @throws IllegalArgumentException when {@code quantity} is negative or above {@link #MAX_ON_HAND}
     */
    public Mono<Void> setOnHand(UUID productId, int quantity) {
        return stock.lockLevel(productId)
                .switchIfEmpty(Mono.error(() -> new StockNotFound(productId)))
                .map(level -> level.withOnHand(quantity))
                .flatMap(level -> stock.saveOnHand(productId, level))
                .then(TracedLogging.log(() -> log.info("Set stock on hand of product {} to {}", productId, quantity)))
                .as(transactions::transactional);
    }
}
