package dev.shopflow.catalog.inventory.persistence;

import dev.shopflow.catalog.inventory.domain.Price;
import dev.shopflow.catalog.inventory.domain.PublishedPrices;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The prices catalog honours, read from {@code products} (the current price) and {@code price_history}. */
@Repository
public class PublishedPriceRepository {

    private final DatabaseClient database;

    public PublishedPriceRepository(DatabaseClient database) {
        this.database = database;
    }

    /**
     * The current price of each of {@code products}, deleted ones included, with the prices replaced after
     * {@code replacedAfter}. A product that never existed is absent from the answer.
     */
    public Mono<Map<UUID, PublishedPrices>> of(Collection<UUID> products, Instant replacedAfter) {
        return database.sql("""
                        SELECT p.id, p.price_amount, p.price_currency, h.amount AS replaced_amount,
                               h.currency AS replaced_currency
                        FROM products p
                        LEFT JOIN price_history h ON h.product_id = p.id AND h.replaced_at > :replacedAfter
                        WHERE p.id = ANY(:products)""")
                .bind("products", products.toArray(UUID[]::new))
                .bind("replacedAfter", replacedAfter)
                .map(row -> new Row(row.get("id", UUID.class),
                        new Price(row.get("price_amount", Long.class), row.get("price_currency", String.class).strip()),
                        row.get("replaced_amount", Long.class) == null ? null : new Price(
                                row.get("replaced_amount", Long.class),
                                row.get("replaced_currency", String.class).strip())))
                .all()
                .collectList()
                .map(rows -> {
                    Map<UUID, Price> current = new HashMap<>();
                    Map<UUID, Set<Price>> replaced = new HashMap<>();
                    for (Row row : rows) {
                        current.put(row.productId(), row.current());
                        Set<Price> recent = replaced.computeIfAbsent(row.productId(), product -> new HashSet<>());
                        if (row.replaced() != null) {
                            recent.add(row.replaced());
                        }
                    }
                    Map<UUID, PublishedPrices> published = new HashMap<>();
                    current.forEach((product, price) -> published.put(product,
                            new PublishedPrices(price, replaced.get(product))));
                    return published;
                });
    }

    /** A product's current price joined with one of its recently replaced prices (or none). */
    private record Row(UUID productId, Price current, Price replaced) {
    }
}
