package dev.shopflow.catalog.product;

import dev.shopflow.catalog.product.persistence.CategoryRepository;
import dev.shopflow.platform.tracing.TracedLogging;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The categories products are listed in: anyone may read them, administrators add them. */
@Service
public class Categories {

    private static final Logger log = LoggerFactory.getLogger(Categories.class);

    private final CategoryRepository categories;

    public Categories(CategoryRepository categories) {
        this.categories = categories;
    }

    /** Every category by name, each with the number of products it lists. */
    public Mono<List<Category>> list() {
        return categories.findAll().collectList();
    }

    /**
     * The category with this slug.
     *
     * @throws CategoryNotFound when there is none
     */
    public Mono<Category> find(String slug) {
        return categories.findBySlug(slug).switchIfEmpty(Mono.error(CategoryNotFound::new));
    }

    /**
     * Adds an empty category. The slug and name must follow the rules the web layer checks (a slug as
     * {@link dev.shopflow.catalog.product.domain.CategorySlug} says, a name of at most 100 characters).
     *
     * @throws CategoryAlreadyExists when a category has this slug
     */
    public Mono<Category> create(String slug, String name) {
        return categories.insertIfSlugFree(UUID.randomUUID(), slug, name)
                .flatMap(inserted -> inserted ? find(slug) : Mono.error(new CategoryAlreadyExists(slug)))
                .delayUntil(created -> TracedLogging.log(() -> log.info("Created category {}", created.slug())));
    }
}
