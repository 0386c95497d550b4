package dev.shopflow.order.cart.persistence;

import dev.shopflow.order.cart.CartItem;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A user's cart: one {@code carts} row and its {@code cart_items}, oldest line first. */
@Repository
public class CartRepository {

    private final DatabaseClient database;

    public CartRepository(DatabaseClient database) {
        this.database = database;
    }

    /** The cart's lines, locked until the transaction ends (so that a checkout and an edit take turns). */
    public Flux<CartItem> lockItems(UUID userId) {
        return items("""
                SELECT product_id, name, unit_price_amount, currency, quantity FROM cart_items
                WHERE user_id = :userId ORDER BY added_at, product_id FOR UPDATE""", userId);
    }

    /** The cart's lines. */
    public Flux<CartItem> items(UUID userId) {
        return items("""
                SELECT product_id, name, unit_price_amount, currency, quantity FROM cart_items
                WHERE user_id = :userId ORDER BY added_at, product_id""", userId);
    }

    /** Empties the cart. */
    public Mono<Void> empty(UUID userId) {
        return database.sql("DELETE FROM carts WHERE user_id = :userId").bind("userId", userId).then();
    }

    private Flux<CartItem> items(String sql, UUID userId) {
        return database.sql(sql)
                .bind("userId", userId)
                .map(row -> new CartItem(row.get("product_id", UUID.class), row.get("name", String.class),
                        row.get("unit_price_amount", Long.class), row.get("currency", String.class).strip(),
                        row.get("quantity", Integer.class)))
                .all();
    }
}
