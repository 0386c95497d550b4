package dev.shopflow.catalog.product;

import dev.shopflow.catalog.CatalogProperties;
import dev.shopflow.catalog.inventory.Stock;
import dev.shopflow.catalog.product.persistence.CategoryRepository;
import dev.shopflow.catalog.product.persistence.ProductRepository;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Loads a whole catalog — categories, products and their stock — into a database that has never had a product, in
 * one transaction. Instances that start together take turns on an advisory lock, so the catalog is loaded once;
 * a database that has had products (even ones deleted since) is left alone.
 */
@Service
public class CatalogImport {

    private static final Logger log = LoggerFactory.getLogger(CatalogImport.class);

    private final ProductRepository products;
    private final CategoryRepository categories;
    private final Stock stock;
    private final TransactionalOperator transactions;
    private final String currency;

    public CatalogImport(ProductRepository products, CategoryRepository categories, Stock stock,
            TransactionalOperator transactions, CatalogProperties properties) {
        this.products = products;
        this.categories = categories;
        this.stock = stock;
        this.transactions = transactions;
        this.currency = properties.currency();
    }

    /**
     * Loads the categories (those whose slug exists already are kept as they are) and the products, unless a product
     * was ever added.
     *
     * @return how many products were loaded: all of them, or none
     * @throws IllegalArgumentException when a product breaks a rule or names a category that is neither given nor
     *         stored: the catalog is wrong, and nothing is loaded
     */
    public Mono<Integer> intoEmptyCatalog(List<ImportedCategory> newCategories, List<ImportedProduct> newProducts) {
        newProducts.forEach(this::requireValid);
        return products.lockForImport()
                .then(products.anyProductEverAdded())
                .flatMap(hasProducts -> hasProducts ? Mono.just(0) : load(newCategories, newProducts))
                .as(transactions::transactional)
                .doOnNext(loaded -> {
                    if (loaded > 0) {
                        log.info("Loaded {} products in {} categories into the empty catalog", loaded, newCategories.size());
                    }
                });
    }

    private void requireValid(ImportedProduct product) {
        var violations = product.details(currency).violations(currency);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("Product " + product.sku() + " breaks the rules: " + violations);
        }
    }

    private Mono<Integer> load(List<ImportedCategory> newCategories, List<ImportedProduct> newProducts) {
        return Flux.fromIterable(newCategories)
                .concatMap(category -> categories.insertIfSlugFree(category.id(), category.slug(), category.name()))
                .thenMany(categories.findAll())
                .collectMap(Category::slug, Category::id)
                .flatMapMany(categoryIds -> Flux.fromIterable(newProducts)
                        .concatMap(product -> products.insert(product.id(), product.details(currency),
                                        categoryId(categoryIds, product), product.createdAt())
                                .flatMap(inserted -> inserted
                                        ? stock.stockNewProduct(product.id(), product.stock()).thenReturn(true)
                                        : Mono.just(false))))
                .filter(inserted -> inserted)
                .count()
                .map(Long::intValue);
    }

    private static UUID categoryId(Map<String, UUID> categoryIds, ImportedProduct product) {
        UUID id = categoryIds.get(product.category());
        if (id == null) {
            throw new IllegalArgumentException("Product " + product.sku() + " names no known category: "
                    + product.category());
        }
        return id;
    }
}
