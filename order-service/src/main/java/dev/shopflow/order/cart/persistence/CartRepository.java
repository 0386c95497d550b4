package dev.shopflow.order.cart.persistence;

import dev.shopflow.order.cart.domain.CartLine;
import dev.shopflow.order.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A user's cart: one {@code carts} row and its {@code cart_items}, oldest line first. Changes lock the {@code carts}
 * row first (call them in a transaction), so that two changes, or a change and a checkout, take turns.
 */
@Repository
public class CartRepository {

    private static final String ITEMS = """
            SELECT product_id, name, unit_price_amount, currency, quantity, added_at FROM cart_items
            WHERE user_id = :userId ORDER BY added_at, product_id""";

    private final DatabaseClient database;

    public CartRepository(DatabaseClient database) {
        this.database = database;
    }

    /** The cart's lines. */
    public Flux<CartLine> items(UUID userId) {
        return database.sql(ITEMS)
                .bind("userId", userId)
                .map(row -> new CartLine(row.get("product_id", UUID.class), row.get("name", String.class),
                        new Money(row.get("unit_price_amount", Long.class), row.get("currency", String.class).strip()),
                        row.get("quantity", Integer.class), row.get("added_at", Instant.class)))
                .all();
    }

    /** The cart's lines, with the cart locked until the transaction ends (created first when there is none). */
    public Flux<CartLine> lockItems(UUID userId) {
        return database.sql("INSERT INTO carts (user_id) VALUES (:userId) ON CONFLICT DO NOTHING")
                .bind("userId", userId).then()
                .then(database.sql("SELECT user_id FROM carts WHERE user_id = :userId FOR UPDATE")
                        .bind("userId", userId).then())
                .thenMany(items(userId));
    }

    /** Stores the cart's lines in place of those it had; the cart must be locked by {@link #lockItems}. */
    public Mono<Void> replace(UUID userId, List<CartLine> lines, Instant now) {
        return database.sql("DELETE FROM cart_items WHERE user_id = :userId").bind("userId", userId).then()
                .thenMany(Flux.fromIterable(lines).concatMap(line -> database.sql("""
                                INSERT INTO cart_items (user_id, product_id, name, unit_price_amount, currency, quantity,
                                                        added_at)
                                VALUES (:userId, :productId, :name, :price, :currency, :quantity, :addedAt)""")
                        .bind("userId", userId)
                        .bind("productId", line.productId())
                        .bind("name", line.name())
                        .bind("price", line.unitPrice().amount())
                        .bind("currency", line.unitPrice().currency())
                        .bind("quantity", line.quantity())
                        .bind("addedAt", line.addedAt())
                        .then()))
                .then(database.sql("UPDATE carts SET updated_at = :now, version = version + 1 WHERE user_id = :userId")
                        .bind("now", now).bind("userId", userId).then());
    }

    /** Removes the cart and its lines. */
    public Mono<Void> empty(UUID userId) {
        return database.sql("DELETE FROM carts WHERE user_id = :userId").bind("userId", userId).then();
    }
}
