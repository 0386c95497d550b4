package dev.shopflow.catalog.demo;

import dev.shopflow.catalog.CatalogProperties;
import dev.shopflow.catalog.demo.domain.DemoCatalog;
import dev.shopflow.catalog.demo.domain.DemoProduct;
import dev.shopflow.catalog.product.CatalogImport;
import dev.shopflow.catalog.product.ImportedProduct;
import dev.shopflow.catalog.product.ImportedCategory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Loads the demo catalog ({@code demo-catalog.json}, made into products by {@link DemoCatalog}) into an empty
 * catalog, with the configured stock and pictures ({@code shopflow.catalog.demo.*}), priced in the store's currency.
 * A catalog that has ever had a product is left alone, so a restart changes
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

    /**
     * Loads the demo catalog ({@link DemoCatalogFile}) unless a product was ever added; completes with how many
     * products it loaded.
     *
     * @throws IllegalStateException when the demo catalog's file is missing or not a valid catalog
     */
    public Mono<Integer> loadIntoEmptyCatalog() {
        DemoCatalog demo = DemoCatalogFile.read();
        var categories = demo.categories().stream()
                .map(category -> new ImportedCategory(category.id(), category.slug(), category.name()))
                .toList();
        var products = demo.products().stream().map(this::imported).toList();
        return catalogImport.intoEmptyCatalog(categories, products);
    }

    private ImportedProduct imported(DemoProduct product) {
        return new ImportedProduct(product.id(), product.sku(), product.name(), product.description(),
                product.category(), product.price(), properties.demo().imageUrl().replace("{sku}", product.sku()),
                product.attributes(), properties.demo().stock(), product.createdAt());
    }
}
