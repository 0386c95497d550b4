package dev.shopflow.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.catalog.CatalogFixture;
import dev.shopflow.catalog.CatalogServiceTest;
import dev.shopflow.catalog.demo.domain.DemoCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The demo catalog as a k6 script or a reader of the docs meets it: loaded at start, same ids everywhere. */
@CatalogServiceTest
class DemoCatalogTest {

    /** Named in catalog-service/README.md; k6 scripts may name it too. */
    private static final String FIRST_HEADPHONES = "/api/catalog/products/41f87984-10f1-36da-9b5e-a27f193baa9a";

    @Autowired
    private WebTestClient web;

    @Autowired
    private DemoCatalogLoader loader;

    @Test
    void loadsTheDemoCatalogAtStartWithStableIdsAndTheConfiguredStock() {
        web.get().uri("/api/catalog/products/{id}", DemoCatalog.productId("AUD-001"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.sku").isEqualTo("AUD-001")
                .jsonPath("$.name").isEqualTo("Aria Over-Ear Wireless Headphones, Black")
                .jsonPath("$.category").isEqualTo("audio")
                .jsonPath("$.categoryName").isEqualTo("Audio")
                .jsonPath("$.price.amount").isEqualTo(17_899)
                .jsonPath("$.price.currency").isEqualTo("EUR")
                .jsonPath("$.available").isEqualTo(CatalogServiceTest.DEMO_STOCK)
                .jsonPath("$.imageUrl").isEqualTo("https://images.example/AUD-001.jpg")
                .jsonPath("$.attributes.color").isEqualTo("black");
        String json = web.get().uri(FIRST_HEADPHONES).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(json).contains("\"sku\":\"AUD-001\"")
                .as("attributes sorted by name, so the same product is always the same JSON")
                .contains("\"attributes\":{\"battery\":\"30 h\",\"color\":\"black\",\"connectivity\":\"Bluetooth 5.3\"}");
    }

    @Test
    void listsTwentyTwoProductsInEachOfTenCategories() {
        var categories = web.get().uri("/api/catalog/categories").exchange()
                .expectStatus().isOk()
                .expectBody(CatalogFixture.JSON).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        var demo = ((List<Map<String, Object>>) categories.get("items")).stream()
                .filter(category -> !((String) category.get("slug")).startsWith("test-"))
                .toList();

        assertThat(demo).extracting(category -> category.get("slug")).containsExactlyInAnyOrder(
                "audio", "books", "clothing", "coffee-tea", "computing", "fitness", "home", "kitchen", "outdoor",
                "toys-games");
        assertThat(demo).allSatisfy(category -> assertThat(category).containsEntry("productCount", 22));
        for (var category : demo) {
            assertThat(category.get("id")).isEqualTo(DemoCatalog.categoryId((String) category.get("slug")).toString());
        }
    }

    @Test
    void loadsTheDemoCatalogOnlyIntoACatalogThatNeverHadProducts() {
        assertThat(loader.loadIntoEmptyCatalog().block()).isZero();

        web.get().uri("/api/catalog/products?category=audio").exchange()
                .expectBody().jsonPath("$.totalItems").isEqualTo(22);
    }

    @Test
    void findsDemoProductsByWhatTheyAre() {
        web.get().uri("/api/catalog/products?q=headphones&size=3").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].name").value(name -> assertThat((String) name).contains("Headphones"))
                .jsonPath("$.totalItems").value(total -> assertThat((Integer) total).isGreaterThanOrEqualTo(6));
    }
}
