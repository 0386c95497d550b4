package dev.shopflow.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.catalog.CatalogFixture;
import dev.shopflow.catalog.CatalogServiceTest;
import dev.shopflow.platform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Catalog reads carry an ETag and a short Cache-Control: an unchanged answer costs a 304 without a body, and the
 * ETag changes as soon as the product or what is available of it does.
 */
@CatalogServiceTest
class CatalogCachingTest {

    private static final String CACHE_CONTROL = "max-age=" + CatalogServiceTest.CACHE_MAX_AGE_SECONDS + ", public";

    @Autowired
    private WebTestClient web;

    private CatalogFixture fixture() {
        return new CatalogFixture(web);
    }

    @Test
    void answersAnUnchangedProductWithNotModified() {
        var product = fixture().createProduct(fixture().newCategory(), "Cached", 1000);
        String etag = etagOf("/api/catalog/products/" + product.get("id"));

        web.get().uri("/api/catalog/products/{id}", product.get("id"))
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals(HttpHeaders.ETAG, etag)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .expectBody().isEmpty();
    }

    /** {@code *} matches any current representation, and an existing product has one (RFC 9110 §13.1.2). */
    @Test
    void answersIfNoneMatchAnyWithNotModifiedForAProductThatExists() {
        var product = fixture().createProduct(fixture().newCategory(), "Anything", 1000);
        String etag = etagOf("/api/catalog/products/" + product.get("id"));

        web.get().uri("/api/catalog/products/{id}", product.get("id"))
                .header(HttpHeaders.IF_NONE_MATCH, "*")
                .exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals(HttpHeaders.ETAG, etag)
                .expectBody().isEmpty();
        web.get().uri("/api/catalog/products/{id}", "00000000-0000-0000-0000-000000000000")
                .header(HttpHeaders.IF_NONE_MATCH, "*")
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void changesTheProductsETagWhenItsStockChanges() {
        var product = fixture().createProduct(fixture().newCategory(), "Restocked", 1000);
        String path = "/api/catalog/products/" + product.get("id");
        String before = etagOf(path);

        fixture().setStock(product.get("id"), 3);

        var after = web.get().uri(path).header(HttpHeaders.IF_NONE_MATCH, before)
                .exchange()
                .expectStatus().isOk()
                .expectBody(CatalogFixture.JSON).returnResult();
        assertThat(after.getResponseHeaders().getETag()).isNotNull().isNotEqualTo(before);
        assertThat(after.getResponseBody()).containsEntry("available", 3);
    }

    @Test
    void changesTheProductsETagWhenItIsRevised() {
        var product = fixture().createProduct(fixture().newCategory(), "Renamed", 1000);
        String path = "/api/catalog/products/" + product.get("id");
        String before = etagOf(path);
        var change = CatalogFixture.updateRequest(product);
        change.put("description", "Now with a better description.");
        web.put().uri(path).headers(headers -> headers.setBearerAuth(TestTokens.admin())).bodyValue(change)
                .exchange().expectStatus().isOk();

        web.get().uri(path).header(HttpHeaders.IF_NONE_MATCH, before)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.ETAG, etag -> assertThat(etag).isNotEqualTo(before));
    }

    @Test
    void answersAnUnchangedPageWithNotModifiedUntilStockOfAProductOnItChanges() {
        String category = fixture().newCategory();
        fixture().createProduct(category, "First", 1000);
        var second = fixture().createProduct(category, "Second", 1000);
        String page = "/api/catalog/products?category=" + category;
        String before = etagOf(page);

        web.get().uri(page).header(HttpHeaders.IF_NONE_MATCH, before).exchange().expectStatus().isNotModified();
        fixture().setStock(second.get("id"), 1);
        web.get().uri(page).header(HttpHeaders.IF_NONE_MATCH, before)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.ETAG, etag -> assertThat(etag).isNotEqualTo(before));
    }

    @Test
    void changesThePagesETagWhenAProductJoinsIt() {
        String category = fixture().newCategory();
        fixture().createProduct(category, "Lonely", 1000);
        String page = "/api/catalog/products?category=" + category;
        String before = etagOf(page);

        fixture().createProduct(category, "Company", 1000);

        web.get().uri(page).header(HttpHeaders.IF_NONE_MATCH, before).exchange().expectStatus().isOk();
    }

    @Test
    void letsCachesKeepCatalogReadsBriefly() {
        for (String path : new String[] {"/api/catalog/products", "/api/catalog/categories", "/api/catalog/categories/audio"}) {
            web.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                    .expectHeader().exists(HttpHeaders.ETAG);
        }
        String categories = etagOf("/api/catalog/categories");
        web.get().uri("/api/catalog/categories").header(HttpHeaders.IF_NONE_MATCH, categories)
                .exchange().expectStatus().isNotModified();
    }

    @Test
    void answersHeadLikeGetWithoutABody() {
        String etag = etagOf("/api/catalog/products?size=5");

        web.head().uri("/api/catalog/products?size=5")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, etag)
                .expectBody().isEmpty();
    }

    @Test
    void keepsErrorsOutOfCaches() {
        web.get().uri("/api/catalog/products?size=0").exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-store"))
                .expectHeader().doesNotExist(HttpHeaders.ETAG);
    }

    private String etagOf(String path) {
        String etag = web.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectBody(CatalogFixture.JSON).returnResult().getResponseHeaders().getETag();
        assertThat(etag).isNotNull().matches("\"[0-9a-f]{32}\"");
        return etag;
    }
}
