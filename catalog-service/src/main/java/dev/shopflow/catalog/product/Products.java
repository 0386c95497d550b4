package dev.shopflow.catalog.product;

import dev.shopflow.catalog.CatalogProperties;
import dev.shopflow.catalog.inventory.Stock;
import dev.shopflow.catalog.product.domain.ProductDetails;
import dev.shopflow.catalog.product.domain.ProductQuery;
import dev.shopflow.catalog.product.domain.Violation;
import dev.shopflow.catalog.product.persistence.CategoryRepository;
import dev.shopflow.catalog.product.persistence.ProductRepository;
import dev.shopflow.platform.tracing.TracedLogging;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The product catalog: what anyone may read (a search, one product) and what administrators change (add, revise,
 * delete). Each change is one transaction; reads never show deleted products. Stock is inventory's: a new product's
 * first units go through {@link Stock}, and so does every later stock count.
 */
@Service
public class Products {

    private static final Logger log = LoggerFactory.getLogger(Products.class);

    private final ProductRepository products;
    private final CategoryRepository categories;
    private final Stock stock;
    private final TransactionalOperator transactions;
    private final String currency;
    private final Clock clock;

    public Products(ProductRepository products, CategoryRepository categories, Stock stock,
            TransactionalOperator transactions, CatalogProperties properties, Clock clock) {
        this.products = products;
        this.categories = categories;
        this.stock = stock;
        this.transactions = transactions;
        this.currency = properties.currency();
        this.clock = clock;
    }

    /** The page of products {@code query} asks for, and how many match in all. */
    public Mono<ProductPage> search(ProductQuery query) {
        return products.search(query);
    }

    /**
     * The product {@code id}.
     *
     * @throws ProductNotFound when there is none, or it is deleted
     */
    public Mono<Product> find(UUID id) {
        return products.findLive(id).switchIfEmpty(Mono.error(() -> new ProductNotFound(id)));
    }

    /**
     * Adds a product with {@code onHand} units in stock, under a new id.
     *
     * @throws InvalidProduct when the details break a rule or name no category
     * @throws SkuAlreadyInUse when another product has the SKU
     * @throws IllegalArgumentException when {@code onHand} is negative or above {@link Stock#MAX_ON_HAND}
     */
    public Mono<Product> create(ProductDetails details, int onHand) {
        var id = UUID.randomUUID();
        return validCategoryId(details)
                .flatMap(categoryId -> products.insert(id, details, categoryId, null))
                .flatMap(inserted -> inserted
                        ? stock.stockNewProduct(id, onHand).then(find(id))
                        : Mono.error(new SkuAlreadyInUse(details.sku())))
                .delayUntil(created -> TracedLogging.log(() -> log.info("Created product {} ({})", created.id(), created.sku())))
                .as(transactions::transactional);
    }

    /**
     * Replaces the details of product {@code id}, provided it is still at {@code basedOnVersion} (the version the
     * change was made to); its version goes up by one. A price it replaces is kept in the price history, for
     * inventory's check of the prices orders carry.
     *
     * @throws ProductNotFound when there is no such product, or it is deleted
     * @throws StaleProductVersion when someone else changed it since that version
     * @throws InvalidProduct when the details break a rule or name no category
     * @throws SkuAlreadyInUse when another product has the SKU
     */
    public Mono<Product> revise(UUID id, long basedOnVersion, ProductDetails details) {
        return validCategoryId(details)
                .flatMap(categoryId -> products.update(id, basedOnVersion, details, categoryId, clock.instant()))
                .onErrorMap(DuplicateKeyException.class, duplicate -> new SkuAlreadyInUse(details.sku()))
                .flatMap(updated -> updated ? find(id) : whyNotUpdated(id, basedOnVersion))
                .as(transactions::transactional);
    }

    private Mono<Product> whyNotUpdated(UUID id, long basedOnVersion) {
        return products.versionOf(id)
                .switchIfEmpty(Mono.error(() -> new ProductNotFound(id)))
                .flatMap(current -> Mono.error(new StaleProductVersion(id, basedOnVersion, current)));
    }

    /**
     * Takes product {@code id} out of the catalog. Its row stays, marked deleted, for the reservations and orders
     * that refer to it; it can no longer be reserved.
     *
     * @throws ProductNotFound when there is no such product, or it is deleted already
     */
    public Mono<Void> delete(UUID id) {
        return products.markDeleted(id)
                .flatMap(deleted -> deleted ? Mono.<Void>empty() : Mono.error(new ProductNotFound(id)))
                .then(TracedLogging.log(() -> log.info("Deleted product {}", id)));
    }

    /** The id of the category {@code details} names, once the details are known to follow every rule. */
    private Mono<UUID> validCategoryId(ProductDetails details) {
        List<Violation> violations = details.violations(currency);
        boolean categoryNameable = violations.stream().noneMatch(violation -> violation.field().equals("category"));
        Mono<Optional<UUID>> category = categoryNameable
                ? categories.idOf(details.category()).map(Optional::of).defaultIfEmpty(Optional.empty())
                : Mono.just(Optional.empty());
        return category.flatMap(found -> {
            if (categoryNameable && found.isEmpty()) {
                var all = new ArrayList<>(violations);
                all.add(new Violation("category", "names no category; GET /api/catalog/categories lists them"));
                return Mono.error(new InvalidProduct(all));
            }
            return violations.isEmpty() ? Mono.just(found.orElseThrow()) : Mono.error(new InvalidProduct(violations));
        });
    }
}
