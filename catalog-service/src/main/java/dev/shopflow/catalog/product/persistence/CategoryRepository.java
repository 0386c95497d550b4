package dev.shopflow.catalog.product.persistence;

import dev.shopflow.catalog.product.Category;
import io.r2dbc.spi.Readable;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads and writes {@code categories} with plain SQL, and answers with {@link Category}s; product counts leave
 * deleted products out.
 */
@Repository
public class CategoryRepository {

    private static final String WITH_PRODUCT_COUNT = """
            SELECT c.id, c.slug, c.name, count(p.id) AS product_count
            FROM categories c LEFT JOIN products p ON p.category_id = c.id AND p.deleted_at IS NULL""";

    private final DatabaseClient database;

    public CategoryRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Every category, by name. */
    public Flux<Category> findAll() {
        return database.sql(WITH_PRODUCT_COUNT + " GROUP BY c.id ORDER BY c.name, c.slug")
                .map(CategoryRepository::category)
                .all();
    }

    /** The category with this slug; empty when there is none. */
    public Mono<Category> findBySlug(String slug) {
        return database.sql(WITH_PRODUCT_COUNT + " WHERE c.slug = :slug GROUP BY c.id")
                .bind("slug", slug)
                .map(CategoryRepository::category)
                .one();
    }

    /** The id of the category with this slug; empty when there is none. */
    public Mono<UUID> idOf(String slug) {
        return database.sql("SELECT id FROM categories WHERE slug = :slug")
                .bind("slug", slug)
                .map(row -> row.get("id", UUID.class))
                .one();
    }

    /** Inserts the category; completes with {@code false} when its slug is taken (the unique constraint decides). */
    public Mono<Boolean> insertIfSlugFree(UUID id, String slug, String name) {
        return database.sql("INSERT INTO categories (id, slug, name) VALUES (:id, :slug, :name) ON CONFLICT (slug) DO NOTHING")
                .bind("id", id)
                .bind("slug", slug)
                .bind("name", name)
                .fetch().rowsUpdated()
                .map(inserted -> inserted == 1);
    }

    private static Category category(Readable row) {
        return new CategoryRow(row.get("id", UUID.class), row.get("slug", String.class), row.get("name", String.class),
                row.get("product_count", Long.class)).toCategory();
    }
}
