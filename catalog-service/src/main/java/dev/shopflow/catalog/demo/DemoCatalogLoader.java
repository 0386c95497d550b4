package dev.shopflow.catalog.demo;

import dev.shopflow.catalog.CatalogProperties;
import dev.shopflow.catalog.demo.domain.DemoCatalog;
import dev.shopflow.catalog.demo.domain.DemoProduct;
import dev.shopflow.catalog.product.CatalogImport;
import dev.shopflow.catalog.product.ImportedProduct;
import dev.shopflow.catalog.product.NewCategory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Loads the {@link DemoCatalog} into an empty catalog with the configured stock and pictures, in the store's currency
 * ({@code shopflow.catalog.demo.*}). A catalog that has ever had a product is left alone, so a restart changes
 * nothing and an administrator's own catalog is never mixed with the demo.
 */
@Component
public class DemoCatalogLoader {

    private final CatalogImport catalogImport;
    private final CatalogProperties properties;

    public DemoCatalogLoader(CatalogImport catalogImport, CatalogProperties properties) {
        this.catalogImport = catalogImport;
        this.properties = properties;
    }

    /** Loads the demo catalog unless a product was ever added; completes with how many products it loaded. */
    public Mono<Integer> loadIntoEmptyCatalog() {
        var categories = DemoCatalog.categories().stream()
                .map(category -> new NewCategory(category.id(), category.slug(), category.name()))
                .toList();
        var products = DemoCatalog.products().stream().map(this::imported).toList();
        return catalogImport.intoEmptyCatalog(categories, products);
    }

    private ImportedProduct imported(DemoProduct product) {
        return new ImportedProduct(product.id(), product.sku(), product.name(), product.description(),
                product.category(), product.price(), properties.demo().imageUrl().replace("{sku}", product.sku()),
                product.attributes(), properties.demo().stock(), product.createdAt());
    }
}
