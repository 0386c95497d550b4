package dev.shopflow.catalog.demo.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.catalog.demo.DemoCatalogFile;
import dev.shopflow.catalog.product.domain.ProductDetails;
import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DemoCatalogContentTest {

    private static final DemoCatalog CATALOG = DemoCatalogFile.read();

    @Test
    void hasTwoHundredTwentyProductsInTenCategories() {
        var products = CATALOG.products();
        var categories = CATALOG.categories();

        assertThat(products).hasSize(220);
        assertThat(categories).hasSize(10);
        assertThat(products).extracting(DemoProduct::category)
                .containsOnlyElementsOf(categories.stream().map(DemoCategory::slug).toList());
        for (var category : categories) {
            assertThat(products).filteredOn(product -> product.category().equals(category.slug())).hasSize(22);
        }
    }

    @Test
    void givesEveryProductItsOwnSkuIdAndName() {
        var products = CATALOG.products();

        assertThat(products).extracting(DemoProduct::sku).doesNotHaveDuplicates();
        assertThat(products).extracting(DemoProduct::id).doesNotHaveDuplicates();
        assertThat(products).extracting(DemoProduct::name).doesNotHaveDuplicates();
        assertThat(products).extracting(DemoProduct::createdAt).doesNotHaveDuplicates();
    }

    @Test
    void derivesTheSameIdsOnEveryMachine() {
        // The ids catalog-service/README.md names.
        assertThat(DemoCatalog.productId("AUD-001")).isEqualTo(UUID.fromString("41f87984-10f1-36da-9b5e-a27f193baa9a"));
        assertThat(DemoCatalog.productId("COF-001")).isEqualTo(UUID.fromString("b90d09a6-8c04-3ebf-83aa-2bb950030e90"));
        assertThat(DemoCatalog.productId("KIT-001")).isEqualTo(UUID.fromString("716695a6-e2b5-3b47-a697-1ea47d3b9941"));
        assertThat(DemoCatalog.productId("BOO-001")).isEqualTo(UUID.fromString("a2b28a31-e328-3d43-ab62-2845233ca2d9"));
        assertThat(CATALOG.products()).allSatisfy(product ->
                assertThat(product.id()).isEqualTo(DemoCatalog.productId(product.sku())));
        assertThat(DemoCatalogFile.read().products()).isEqualTo(DemoCatalogFile.read().products());
    }

    @Test
    void followsEveryRuleAnAdministratorsProductMust() {
        assertThat(CATALOG.products()).allSatisfy(product -> {
            var details = new ProductDetails(product.sku(), product.name(), product.description(), product.category(),
                    product.price(), "EUR", "https://images.example/" + product.sku() + ".jpg", product.attributes());
            assertThat(details.violations("EUR")).as(product.sku()).isEmpty();
        });
    }

    @Test
    void pricesEveryProductAtSomethingNinetyNine() {
        assertThat(CATALOG.products()).allSatisfy(product -> {
            assertThat(product.price()).isPositive();
            assertThat(product.price() % 100).isEqualTo(99);
        });
        assertThat(DemoCatalog.price(1_290, 330)).isEqualTo(4_299);
        assertThat(DemoCatalog.price(17_900, 104)).isEqualTo(18_599);
    }

    @Test
    void describesEachProductWithAtLeastOneAttribute() {
        assertThat(CATALOG.products()).allSatisfy(product -> {
            assertThat(product.description()).isNotBlank();
            assertThat(product.attributes()).isNotEmpty();
        });
        assertThat(new HashSet<>(CATALOG.products().stream().map(DemoProduct::price).toList())).hasSizeGreaterThan(50);
    }
}
