package dev.shopflow.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopflow.catalog.demo.domain.DemoCatalog;
import dev.shopflow.catalog.demo.domain.DemoProduct;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo catalog's file: read as the products it describes, and refused at start, clearly, when it is wrong. */
class DemoCatalogFileTest {

    @Test
    void makesEachItemOfALineIntoAProductPerVariant() {
        var catalog = DemoCatalogFile.read("demo-catalogs/one-product.json");

        assertThat(catalog.categories()).singleElement().satisfies(category -> {
            assertThat(category.slug()).isEqualTo("audio");
            assertThat(category.id()).isEqualTo(DemoCatalog.categoryId("audio"));
        });
        assertThat(catalog.products()).containsExactly(new DemoProduct(DemoCatalog.productId("AUD-001"), "AUD-001",
                "Headphones, Black", "Over-ear headphones. Color: black.", "audio", 18_599,
                Map.of("battery", "30 h", "color", "black"), DemoCatalog.FIRST_ADDED));
    }

    @Test
    void refusesAMissingFileNamingIt() {
        assertThatThrownBy(() -> DemoCatalogFile.read("demo-catalogs/nowhere.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo-catalogs/nowhere.json")
                .hasMessageContaining("is not on the classpath")
                .hasMessageContaining("SHOPFLOW_CATALOG_DEMO_ENABLED=false");
    }

    @Test
    void refusesAFileThatIsNotJson() {
        assertThatThrownBy(() -> DemoCatalogFile.read("demo-catalogs/not-json.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The demo catalog demo-catalogs/not-json.json is not a valid catalog");
    }

    @Test
    void refusesAMissingFieldNamingIt() {
        assertThatThrownBy(() -> DemoCatalogFile.read("demo-catalogs/missing-base-price.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo-catalogs/missing-base-price.json")
                .hasMessageContaining("basePrice");
    }

    @Test
    void refusesAFieldItDoesNotKnowNamingIt() {
        // Stock is a setting (SHOPFLOW_CATALOG_DEMO_STOCK), not data: a file that tries to set it is refused.
        assertThatThrownBy(() -> DemoCatalogFile.read("demo-catalogs/unknown-field.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo-catalogs/unknown-field.json")
                .hasMessageContaining("\"stock\"");
    }

    @Test
    void refusesAProductLineWithoutVariants() {
        assertThatThrownBy(() -> DemoCatalogFile.read("demo-catalogs/no-variants.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The product line audio needs at least one variant and one item");
    }
}
