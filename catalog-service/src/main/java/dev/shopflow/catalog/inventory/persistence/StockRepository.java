package dev.shopflow.catalog.inventory.persistence;

import dev.shopflow.catalog.inventory.domain.OrderLine;
import dev.shopflow.catalog.inventory.domain.StockLevel;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stock and reservations, with plain SQL: the only writer of {@code stock}. Every method that changes stock first
 * locks the stock rows it touches, always in product-id order, so that transactions racing for the same products
 * wait for each other instead of deadlocking — and none of them can promise what another has just taken. Call it
 * inside a transaction.
 */
@Repository
public class StockRepository {

    private final DatabaseClient database;

    public StockRepository(DatabaseClient database) {
        this.database = database;
    }

    /**
     * Locks the stock rows of {@code products} and answers what is available of each (on hand minus reserved).
     * Products that do not exist, or have been withdrawn from the catalog (deleted), are absent from the answer.
     */
    public Mono<Map<UUID, Integer>> lockAvailable(Collection<UUID> products) {
        return database.sql("""
                        SELECT s.product_id, s.on_hand - s.reserved AS available
                        FROM stock s JOIN products p ON p.id = s.product_id
                        WHERE s.product_id = ANY(:products) AND p.deleted_at IS NULL
                        ORDER BY s.product_id
                        FOR UPDATE OF s""")
                .bind("products", products.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("product_id", UUID.class), row.get("available", Integer.class)))
                .all()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Locks, in product-id order, the stock rows of {@code products} and of the products {@code orders} hold
     * reserved: what a transaction that applies several order events at once changes.
     */
    public Mono<Void> lockFor(Collection<UUID> products, Collection<UUID> orders) {
        if (products.isEmpty() && orders.isEmpty()) {
            return Mono.empty();
        }
        return database.sql("""
                        SELECT s.product_id FROM stock s
                        WHERE s.product_id = ANY(:products)
                           OR s.product_id IN (SELECT product_id FROM stock_reservations
                                               WHERE order_id = ANY(:orders) AND status = 'RESERVED')
                        ORDER BY s.product_id
                        FOR UPDATE""")
                .bind("products", products.toArray(UUID[]::new))
                .bind("orders", orders.toArray(UUID[]::new))
                .fetch().all()
                .then();
    }

    /** Adds the stock row of a product that has none yet: one just added to the catalog. */
    public Mono<Void> insert(UUID productId, StockLevel level) {
        return database.sql("INSERT INTO stock (product_id, on_hand, reserved) VALUES (:productId, :onHand, :reserved)")
                .bind("productId", productId)
                .bind("onHand", level.onHand())
                .bind("reserved", level.reserved())
                .then();
    }

    /**
     * The product's stock, locked until the end of the current transaction so that no reservation changes it
     * meanwhile; a product without a stock row gets one with nothing on hand first. Empty when there is no such
     * product or it is deleted.
     */
    public Mono<StockLevel> lockLevel(UUID productId) {
        return database.sql("""
                        INSERT INTO stock (product_id, on_hand)
                        SELECT id, 0 FROM products WHERE id = :productId AND deleted_at IS NULL
                        ON CONFLICT (product_id) DO NOTHING""")
                .bind("productId", productId)
                .then()
                .then(database.sql("""
                                SELECT s.on_hand, s.reserved
                                FROM stock s JOIN products p ON p.id = s.product_id
                                WHERE s.product_id = :productId AND p.deleted_at IS NULL
                                FOR UPDATE OF s""")
                        .bind("productId", productId)
                        .map(row -> new StockLevel(row.get("on_hand", Integer.class),
                                row.get("reserved", Integer.class)))
                        .one());
    }

    /** Sets on hand of a stock row {@link #lockLevel locked} in this transaction. */
    public Mono<Void> saveOnHand(UUID productId, StockLevel level) {
        return database.sql("UPDATE stock SET on_hand = :onHand, version = version + 1 WHERE product_id = :productId")
                .bind("productId", productId)
                .bind("onHand", level.onHand())
                .then();
    }

    /** Whether the order already holds (or held) stock: its OrderPlaced was applied under another event id. */
    public Mono<Boolean> hasReservations(UUID orderId) {
        return database.sql("SELECT EXISTS (SELECT 1 FROM stock_reservations WHERE order_id = :orderId) AS held")
                .bind("orderId", orderId)
                .map(row -> row.get("held", Boolean.class))
                .one();
    }

    /** Holds the lines for the order; their stock rows must be locked by {@link #lockAvailable}. */
    public Mono<Void> reserve(UUID orderId, List<OrderLine> lines, Instant now) {
        return Flux.fromIterable(lines)
                .concatMap(line -> database.sql("UPDATE stock SET reserved = reserved + :quantity, version = version + 1 "
                                + "WHERE product_id = :product")
                        .bind("quantity", line.quantity())
                        .bind("product", line.productId())
                        .then()
                        .then(database.sql("""
                                        INSERT INTO stock_reservations (order_id, product_id, quantity, status, created_at, updated_at)
                                        VALUES (:orderId, :product, :quantity, 'RESERVED', :now, :now)""")
                                .bind("orderId", orderId)
                                .bind("product", line.productId())
                                .bind("quantity", line.quantity())
                                .bind("now", now)
                                .then()))
                .then();
    }

    /**
     * Ends the order's held reservations: {@code COMMITTED} takes the goods off the shelf (on hand and reserved both
     * go down), {@code RELEASED} puts them back (reserved goes down).
     *
     * @return how many lines were ended (0 when the order holds nothing: rejected, or already ended)
     */
    public Mono<Long> end(UUID orderId, ReservationEnd end, Instant now) {
        String onHand = end == ReservationEnd.COMMITTED ? "on_hand - r.quantity" : "on_hand";
        return database.sql("""
                        SELECT s.product_id FROM stock s
                        WHERE s.product_id IN (SELECT product_id FROM stock_reservations
                                               WHERE order_id = :orderId AND status = 'RESERVED')
                        ORDER BY s.product_id
                        FOR UPDATE""")
                .bind("orderId", orderId)
                .fetch().all()
                .then(database.sql("""
                                UPDATE stock s SET on_hand = %s, reserved = s.reserved - r.quantity, version = s.version + 1
                                FROM stock_reservations r
                                WHERE r.order_id = :orderId AND r.status = 'RESERVED' AND s.product_id = r.product_id"""
                                .formatted(onHand))
                        .bind("orderId", orderId)
                        .then())
                .then(database.sql("""
                                UPDATE stock_reservations SET status = :status, updated_at = :now
                                WHERE order_id = :orderId AND status = 'RESERVED'""")
                        .bind("status", end.name())
                        .bind("orderId", orderId)
                        .bind("now", now)
                        .fetch().rowsUpdated());
    }

    /** How a reservation ends. */
    public enum ReservationEnd {
        COMMITTED, RELEASED
    }
}
