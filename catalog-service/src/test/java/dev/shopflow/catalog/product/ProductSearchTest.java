package dev.shopflow.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.catalog.CatalogFixture;
import dev.shopflow.catalog.CatalogServiceTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Browsing the catalog: text search, paging, filters and sorts, and what happens with wrong parameters. */
@CatalogServiceTest
class ProductSearchTest {

    @Autowired
    private WebTestClient web;

    private CatalogFixture fixture() {
        return new CatalogFixture(web);
    }

    @Test
    void ranksANameMatchAboveADescriptionMatch() {
        var fixture = fixture();
        String category = fixture.newCategory();
        String word = CatalogFixture.uniqueWord();
        var mentioned = CatalogFixture.productRequest(category, "Apple crate", 1500);
        mentioned.put("description", "Not a " + word + ", though every " + word + " fan loves it: " + word + "!");
        fixture.createProduct(mentioned);
        fixture.createProduct(category, "Enamel " + word + " mug", 900);
        fixture.createProduct(category, "Unrelated teapot", 2500);

        var page = search("q=" + word);

        assertThat(names(page)).containsExactly("Enamel " + word + " mug", "Apple crate");
        assertThat(page.get("totalItems")).isEqualTo(2);
    }

    @Test
    void findsAProductByItsSku() {
        var created = fixture().createProduct(fixture().newCategory(), "Labelled jar", 700);

        var page = search("q=" + created.get("sku"));

        assertThat(items(page)).extracting(item -> item.get("id")).containsExactly(created.get("id"));
    }

    @Test
    void searchesWithinACategoryAndAPriceRange() {
        var fixture = fixture();
        String category = fixture.newCategory();
        String word = CatalogFixture.uniqueWord();
        fixture.createProduct(category, word + " small", 500);
        fixture.createProduct(category, word + " medium", 1000);
        fixture.createProduct(category, word + " large", 1500);
        fixture.createProduct(fixture.newCategory(), word + " elsewhere", 1000);

        assertThat(names(search("q=" + word + "&category=" + category + "&minPrice=1000&maxPrice=1500&sort=price")))
                .containsExactly(word + " medium", word + " large");
        assertThat(search("q=" + word).get("totalItems")).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'", "&", "!!", "\"unclosed", "a | b", "-", "(((", "<->", ":*", "\\", "%", "_", "OR",
            "the", "Ünïcødé 🚀", "DROP TABLE products;", "a\tb\nc"})
    void searchesForAnyTextWithoutFailing(String q) {
        web.get().uri(uri -> uri.path("/api/catalog/products").queryParam("q", "{q}").build(q))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items").isArray()
                .jsonPath("$.totalItems").isNumber();
    }

    @Test
    void pagesThroughAllProductsWithoutOverlapAndAnswersBeyondTheLastPageWithNoItems() {
        var fixture = fixture();
        String category = fixture.newCategory();
        for (String name : List.of("Echo", "Alpha", "Delta", "Bravo", "Charlie")) {
            fixture.createProduct(category, name, 1000);
        }

        var first = search("category=" + category + "&size=2&page=0");
        var second = search("category=" + category + "&size=2&page=1");
        var last = search("category=" + category + "&size=2&page=2");
        var beyond = search("category=" + category + "&size=2&page=3");

        assertThat(names(first)).containsExactly("Alpha", "Bravo");
        assertThat(names(second)).containsExactly("Charlie", "Delta");
        assertThat(names(last)).containsExactly("Echo");
        assertThat(items(beyond)).isEmpty();
        for (var page : List.of(first, second, last, beyond)) {
            assertThat(page).containsEntry("size", 2).containsEntry("totalItems", 5).containsEntry("totalPages", 3);
        }
        assertThat(beyond).containsEntry("page", 3);
    }

    @Test
    void acceptsPageSizesFromOneToAHundred() {
        assertThat(items(search("size=1"))).hasSize(1);
        var largest = search("size=100");
        assertThat(items(largest)).hasSize(100);
        assertThat(largest).containsEntry("size", 100);
        assertThat(search("")).containsEntry("size", 20).containsEntry("page", 0);
    }

    @Test
    void answersAnEmptyPageForACategoryWithoutProductsOrThatDoesNotExist() {
        var empty = search("category=" + fixture().newCategory());
        assertThat(items(empty)).isEmpty();
        assertThat(empty).containsEntry("totalItems", 0).containsEntry("totalPages", 0);
        assertThat(items(search("category=no-such-category"))).isEmpty();
    }

    @Test
    void sortsByNamePriceAndNewest() {
        var fixture = fixture();
        String category = fixture.newCategory();
        fixture.createProduct(category, "Basket", 3000);
        fixture.createProduct(category, "Candle", 1000);
        fixture.createProduct(category, "Apron", 2000);

        assertThat(names(search("category=" + category))).containsExactly("Apron", "Basket", "Candle");
        assertThat(names(search("category=" + category + "&sort=name"))).containsExactly("Apron", "Basket", "Candle");
        assertThat(names(search("category=" + category + "&sort=price"))).containsExactly("Candle", "Apron", "Basket");
        assertThat(names(search("category=" + category + "&sort=price-desc")))
                .containsExactly("Basket", "Apron", "Candle");
        assertThat(names(search("category=" + category + "&sort=newest"))).containsExactly("Apron", "Candle", "Basket");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "size=0                          | size",
            "size=101                        | size",
            "size=abc                        | size",
            "size=1&size=2                   | size",
            "page=-1                         | page",
            "page=99999999999                | page",
            "page=1.5                        | page",
            "sort=popular                    | sort",
            "sort=relevance                  | sort",
            "minPrice=-1                     | minPrice",
            "maxPrice=1e3                    | maxPrice",
            "maxPrice=99999999999999999999   | maxPrice",
            "minPrice=500&maxPrice=100       | minPrice",
            "category=Not%20A%20Slug         | category",
            "category=../products            | category"})
    void refusesAWrongQueryParameterWithAFieldError(String query, String field) {
        web.get().uri("/api/catalog/products?" + query)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/invalid-fields")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").isNotEmpty();
    }

    @Test
    void reportsEveryWrongQueryParameterAtOnce() {
        web.get().uri("/api/catalog/products?size=0&page=-1&sort=popular&minPrice=x")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("minPrice", "page", "size", "sort"));
    }

    @Test
    void refusesSearchTermsLongerThanTwoHundredCharacters() {
        web.get().uri(uri -> uri.path("/api/catalog/products").queryParam("q", "{q}").build("a".repeat(201)))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
        web.get().uri(uri -> uri.path("/api/catalog/products").queryParam("q", "{q}").build("a".repeat(200)))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void refusesATenKilobyteQueryWithAClientError() {
        web.get().uri(uri -> uri.path("/api/catalog/products").queryParam("q", "{q}").build("x".repeat(10_240)))
                .exchange()
                .expectStatus().is4xxClientError();
    }

    private Map<String, Object> search(String query) {
        return web.get().uri("/api/catalog/products?" + query)
                .exchange()
                .expectStatus().isOk()
                .expectBody(CatalogFixture.JSON).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    static List<String> names(Map<String, Object> page) {
        return items(page).stream().map(item -> (String) item.get("name")).toList();
    }
}
