package dev.shopflow.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.catalog.CatalogFixture;
import dev.shopflow.catalog.CatalogServiceTest;
import dev.shopflow.platform.testsupport.TestTokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What administrators change — products, stock, categories — and how every wrong request is refused. */
@CatalogServiceTest
class ProductAdministrationTest {

    @Autowired
    private WebTestClient web;

    @LocalManagementPort
    private int managementPort;

    /** Metrics are served on the management port only. */
    private WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
    }

    @Autowired
    private DatabaseClient database;

    @Autowired
    private OutOfStockGauge outOfStock;

    private CatalogFixture fixture() {
        return new CatalogFixture(web);
    }

    private static Consumer<HttpHeaders> admin() {
        return headers -> headers.setBearerAuth(TestTokens.admin());
    }

    @Test
    void createsAProductThatAnyoneCanRead() {
        String category = fixture().newCategory();
        var request = CatalogFixture.productRequest(category, "  Stoneware Vase  ", 4_599);
        request.put("sku", "t-vase-" + UUID.randomUUID().toString().substring(0, 6));
        request.put("stock", 12);
        request.put("attributes", Map.of("height", "24 cm", "color", "sage"));

        var created = web.post().uri("/api/catalog/products").headers(admin()).bodyValue(request)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value(HttpHeaders.LOCATION, location ->
                        assertThat(location).matches("/api/catalog/products/[0-9a-f-]{36}"))
                .expectBody(CatalogFixture.JSON).returnResult();
        var product = created.getResponseBody();

        assertThat(product).containsEntry("sku", ((String) request.get("sku")).toUpperCase())
                .containsEntry("name", "Stoneware Vase")
                .containsEntry("description", "A product made by a test.")
                .containsEntry("category", category)
                .containsEntry("categoryName", "Test " + category)
                .containsEntry("price", Map.of("amount", 4_599, "currency", "EUR"))
                .containsEntry("available", 12)
                .containsEntry("imageUrl", "https://images.example/test.jpg")
                .containsEntry("attributes", Map.of("color", "sage", "height", "24 cm"))
                .containsEntry("version", 0)
                .containsKeys("createdAt", "updatedAt");
        web.get().uri(created.getResponseHeaders().getLocation().toString())
                .exchange()
                .expectStatus().isOk()
                .expectBody(CatalogFixture.JSON).isEqualTo(product);
    }

    @Test
    void refusesASkuAnotherProductHasWhateverItsCase() {
        String category = fixture().newCategory();
        var first = fixture().createProduct(category, "Original", 1000);
        var copy = CatalogFixture.productRequest(category, "Copy", 1000);
        copy.put("sku", ((String) first.get("sku")).toLowerCase());

        web.post().uri("/api/catalog/products").headers(admin()).bodyValue(copy)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/sku-already-in-use");
        assertThat(ProductSearchTest.names(search("category=" + category))).containsExactly("Original");
    }

    @Test
    void refusesAnInvalidProductWithAFieldErrorForEachRuleAndCreatesNothing() {
        String category = fixture().newCategory();
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("9lives", "x");
        attributes.put("note", "a\u0000b");
        Map<String, Object> request = new HashMap<>();
        request.put("sku", "no spaces!");
        request.put("name", "   ");
        request.put("description", "x".repeat(5_001));
        request.put("category", category);
        request.put("price", Map.of("amount", -1, "currency", "USD"));
        request.put("imageUrl", "ftp://images.example/x.jpg");
        request.put("attributes", attributes);

        web.post().uri("/api/catalog/products").headers(admin()).bodyValue(request)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/invalid-fields")
                .jsonPath("$.errors[*].field").isEqualTo(List.of("attributes", "attributes.note", "description",
                        "imageUrl", "name", "price.amount", "price.currency", "sku"));
        assertThat(ProductSearchTest.items(search("category=" + category))).isEmpty();
    }

    @Test
    void refusesAProductInACategoryThatDoesNotExist() {
        var request = CatalogFixture.productRequest("no-such-category", "Orphan", 1000);
        request.remove("price");

        web.post().uri("/api/catalog/products").headers(admin()).bodyValue(request)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("category", "price.amount", "price.currency"));
    }

    @Test
    void refusesAPriceWithDecimalsRatherThanRoundingIt() {
        String category = fixture().newCategory();
        var request = CatalogFixture.productRequest(category, "Half-priced", 0);
        request.put("price", Map.of("amount", 19.99, "currency", "EUR"));

        web.post().uri("/api/catalog/products").headers(admin()).bodyValue(request)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(ProductSearchTest.items(search("category=" + category))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"sku\": ", "not json at all", "[1, 2, 3]", "{\"price\": {\"amount\": 1e40}}",
            "{\"stock\": \"many\"}"})
    void refusesABodyThatIsNotAProductWithABadRequest(String body) {
        web.post().uri("/api/catalog/products").headers(admin()).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.trace").doesNotExist();
    }

    @Test
    void refusesAnOversizedBodyWithAClientErrorAndCreatesNothing() {
        String category = fixture().newCategory();
        var request = CatalogFixture.productRequest(category, "Verbose", 1000);
        request.put("description", "word ".repeat(100_000));

        web.post().uri("/api/catalog/products").headers(admin()).bodyValue(request)
                .exchange()
                .expectStatus().is4xxClientError()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(ProductSearchTest.items(search("category=" + category))).isEmpty();
    }

    @Test
    void refusesABodyThatIsNotJson() {
        web.post().uri("/api/catalog/products").headers(admin()).contentType(MediaType.TEXT_PLAIN).bodyValue("sku=X")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void revisesAProductAtTheVersionItWasRead() {
        var product = fixture().createProduct(fixture().newCategory(), "Draft name", 1000);
        var change = CatalogFixture.updateRequest(product);
        change.put("name", "Final name");
        change.put("price", Map.of("amount", 1_250, "currency", "EUR"));
        change.put("attributes", Map.of());

        revise(product.get("id"), change)
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("Final name")
                .jsonPath("$.price.amount").isEqualTo(1_250)
                .jsonPath("$.attributes").isEmpty()
                .jsonPath("$.available").isEqualTo(10)
                .jsonPath("$.version").isEqualTo(1);
        web.get().uri("/api/catalog/products/{id}", product.get("id")).exchange()
                .expectBody().jsonPath("$.name").isEqualTo("Final name");
    }

    @Test
    void refusesAnUpdateBasedOnAVersionSomeoneElseChangedMeanwhile() {
        var product = fixture().createProduct(fixture().newCategory(), "Contested", 1000);
        var first = CatalogFixture.updateRequest(product);
        first.put("name", "First writer");
        var second = CatalogFixture.updateRequest(product);
        second.put("name", "Second writer");

        revise(product.get("id"), first).expectStatus().isOk();
        revise(product.get("id"), second)
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/stale-product-version")
                .jsonPath("$.currentVersion").isEqualTo(1);
        web.get().uri("/api/catalog/products/{id}", product.get("id")).exchange()
                .expectBody().jsonPath("$.name").isEqualTo("First writer").jsonPath("$.version").isEqualTo(1);
    }

    @Test
    void letsExactlyOneOfSeveralConcurrentUpdatesOfTheSameVersionWin() throws Exception {
        var product = fixture().createProduct(fixture().newCategory(), "Raced", 1000);
        int writers = 6;
        var start = new CountDownLatch(1);
        List<Future<HttpStatusCode>> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(writers)) {
            for (int i = 0; i < writers; i++) {
                var change = CatalogFixture.updateRequest(product);
                change.put("name", "Writer " + i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return revise(product.get("id"), change).returnResult(Void.class).getStatus();
                }));
            }
            start.countDown();
        }
        List<HttpStatusCode> statuses = new ArrayList<>();
        for (var answer : answers) {
            statuses.add(answer.get());
        }

        assertThat(statuses).filteredOn(status -> status.equals(HttpStatus.OK)).hasSize(1);
        assertThat(statuses).filteredOn(status -> status.equals(HttpStatus.CONFLICT)).hasSize(writers - 1);
        web.get().uri("/api/catalog/products/{id}", product.get("id")).exchange()
                .expectBody().jsonPath("$.version").isEqualTo(1);
    }

    @Test
    void refusesAnUpdateThatDoesNotSayWhichVersionItChanges() {
        var product = fixture().createProduct(fixture().newCategory(), "Unversioned", 1000);
        var change = CatalogFixture.updateRequest(product);
        change.remove("version");

        revise(product.get("id"), change)
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("version");
    }

    @Test
    void refusesAnUpdateToTheSkuOfAnotherProduct() {
        String category = fixture().newCategory();
        var taken = fixture().createProduct(category, "Holder", 1000);
        var product = fixture().createProduct(category, "Wants the SKU", 1000);
        var change = CatalogFixture.updateRequest(product);
        change.put("sku", taken.get("sku"));

        revise(product.get("id"), change)
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/sku-already-in-use");
    }

    @Test
    void deletesAProductSoThatTheCatalogNoLongerShowsIt() {
        String category = fixture().newCategory();
        var product = fixture().createProduct(category, "Discontinued", 1000);
        var id = product.get("id");

        web.delete().uri("/api/catalog/products/{id}", id).headers(admin()).exchange().expectStatus().isNoContent();

        web.get().uri("/api/catalog/products/{id}", id).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/product-not-found");
        assertThat(ProductSearchTest.items(search("category=" + category))).isEmpty();
        assertThat(ProductSearchTest.items(search("q=" + product.get("sku")))).isEmpty();
        web.delete().uri("/api/catalog/products/{id}", id).headers(admin()).exchange().expectStatus().isNotFound();
        web.put().uri("/api/catalog/products/{id}", id).headers(admin()).bodyValue(CatalogFixture.updateRequest(product))
                .exchange().expectStatus().isNotFound();
        web.put().uri("/api/catalog/products/{id}/stock", id).headers(admin()).bodyValue(Map.of("quantity", 3))
                .exchange().expectStatus().isNotFound();
        String deletedAt = database.sql("SELECT deleted_at::text AS deleted_at FROM products WHERE id = :id")
                .bind("id", UUID.fromString((String) id))
                .map(row -> row.get("deleted_at", String.class)).one().block();
        assertThat(deletedAt).as("the row stays for reservations and orders that refer to it").isNotNull();
    }

    @Test
    void givesTheSkuOfADeletedProductToANewOne() {
        String category = fixture().newCategory();
        var old = fixture().createProduct(category, "Old model", 1000);
        web.delete().uri("/api/catalog/products/{id}", old.get("id")).headers(admin()).exchange()
                .expectStatus().isNoContent();
        var successor = CatalogFixture.productRequest(category, "New model", 1200);
        successor.put("sku", old.get("sku"));

        var created = fixture().createProduct(successor);

        assertThat(created.get("id")).isNotEqualTo(old.get("id"));
        assertThat(created.get("sku")).isEqualTo(old.get("sku"));
    }

    @Test
    void setsStockOnHandAndShowsWhatIsAvailable() {
        var product = fixture().createProduct(fixture().newCategory(), "Restocked", 1000);

        var restocked = fixture().setStock(product.get("id"), 7);

        assertThat(restocked).containsEntry("available", 7).containsEntry("version", 0);
        web.get().uri("/api/catalog/products/{id}", product.get("id")).exchange()
                .expectBody().jsonPath("$.available").isEqualTo(7);
    }

    @Test
    void refusesToSetStockBelowWhatOrdersHaveReserved() {
        var product = fixture().createProduct(fixture().newCategory(), "Popular", 1000);
        var id = UUID.fromString((String) product.get("id"));
        // What the inventory side does when an order reserves five units.
        database.sql("UPDATE stock SET reserved = 5 WHERE product_id = :id").bind("id", id).then().block();

        web.put().uri("/api/catalog/products/{id}/stock", id).headers(admin()).bodyValue(Map.of("quantity", 4))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/stock-below-reserved")
                .jsonPath("$.reserved").isEqualTo(5);
        web.get().uri("/api/catalog/products/{id}", id).exchange().expectBody().jsonPath("$.available").isEqualTo(5);

        assertThat(fixture().setStock(id, 5)).containsEntry("available", 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"quantity\": -1}", "{\"quantity\": 1000000001}", "{}", "{\"quantity\": null}"})
    void refusesAStockQuantityOutsideTheRulesWithAFieldError(String body) {
        var product = fixture().createProduct(fixture().newCategory(), "Counted", 1000);

        web.put().uri("/api/catalog/products/{id}/stock", product.get("id")).headers(admin())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("quantity");
        web.get().uri("/api/catalog/products/{id}", product.get("id")).exchange()
                .expectBody().jsonPath("$.available").isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"quantity\": 2.5}", "{\"quantity\": \"ten\"}", "{\"quantity\": 1e30}"})
    void refusesAStockQuantityThatIsNotAWholeNumberWithABadRequest(String body) {
        var product = fixture().createProduct(fixture().newCategory(), "Counted", 1000);

        web.put().uri("/api/catalog/products/{id}/stock", product.get("id")).headers(admin())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void answersAMissingProductWithNotFoundAndAMalformedIdWithBadRequest() {
        web.get().uri("/api/catalog/products/{id}", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/product-not-found");
        for (String malformed : List.of("not-a-uuid", "1-1-1-1-1", "41f87984-10f1-36da-9b5e-a27f193baa9a0")) {
            web.get().uri("/api/catalog/products/{id}", malformed).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/malformed-product-id");
        }
        web.delete().uri("/api/catalog/products/not-a-uuid").headers(admin()).exchange().expectStatus().isBadRequest();
        web.put().uri("/api/catalog/products/{id}/stock", UUID.randomUUID()).headers(admin())
                .bodyValue(Map.of("quantity", 1))
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void refusesChangesFromCustomersWithForbidden() {
        String category = fixture().newCategory();
        var product = fixture().createProduct(category, "Guarded", 1000);
        for (var change : changes(product, category)) {
            web.method(change.method()).uri(change.uri())
                    .headers(headers -> headers.setBearerAuth(TestTokens.customer()))
                    .bodyValue(change.body())
                    .exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        web.get().uri("/api/catalog/products/{id}", product.get("id")).exchange()
                .expectBody().jsonPath("$.version").isEqualTo(0).jsonPath("$.available").isEqualTo(10);
    }

    @Test
    void refusesChangesWithoutAnAccessTokenWithUnauthorized() {
        String category = fixture().newCategory();
        var product = fixture().createProduct(category, "Guarded", 1000);
        for (var change : changes(product, category)) {
            web.method(change.method()).uri(change.uri())
                    .bodyValue(change.body())
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        web.get().uri("/api/catalog/products/{id}", product.get("id")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(0);
    }

    private record Change(HttpMethod method, String uri, Object body) {
    }

    private static List<Change> changes(Map<String, Object> product, String category) {
        String path = "/api/catalog/products/" + product.get("id");
        return List.of(
                new Change(HttpMethod.POST, "/api/catalog/products", CatalogFixture.productRequest(category, "New", 1)),
                new Change(HttpMethod.PUT, path, CatalogFixture.updateRequest(product)),
                new Change(HttpMethod.DELETE, path, Map.of()),
                new Change(HttpMethod.PUT, path + "/stock", Map.of("quantity", 0)),
                new Change(HttpMethod.POST, "/api/catalog/categories", Map.of("slug", "sneaky", "name", "Sneaky")));
    }

    @Test
    void createsACategoryThatListsItsProducts() {
        String slug = "test-" + CatalogFixture.uniqueWord();

        web.post().uri("/api/catalog/categories").headers(admin()).bodyValue(Map.of("slug", slug, "name", " Garden "))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/catalog/categories/" + slug)
                .expectBody()
                .jsonPath("$.slug").isEqualTo(slug)
                .jsonPath("$.name").isEqualTo("Garden")
                .jsonPath("$.productCount").isEqualTo(0);
        fixture().createProduct(slug, "Trowel", 1_499);

        web.get().uri("/api/catalog/categories/{slug}", slug).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.productCount").isEqualTo(1);
        web.get().uri("/api/catalog/categories").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.slug == '" + slug + "')].productCount").isEqualTo(List.of(1));
    }

    @Test
    void refusesACategoryWhoseSlugIsTakenOrMalformed() {
        String slug = fixture().newCategory();

        web.post().uri("/api/catalog/categories").headers(admin()).bodyValue(Map.of("slug", slug, "name", "Again"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/category-already-exists");
        web.post().uri("/api/catalog/categories").headers(admin())
                .bodyValue(Map.of("slug", "Not A Slug", "name", "x".repeat(101)))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("name", "slug"));
        web.get().uri("/api/catalog/categories/no-such-category").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/category-not-found");
    }

    @Test
    void countsTheProductsOutOfStock() {
        outOfStock.refresh();
        double before = outOfStockGauge();
        var product = fixture().createProduct(fixture().newCategory(), "Sold out", 1000);
        fixture().setStock(product.get("id"), 0);

        outOfStock.refresh();
        assertThat(outOfStockGauge()).isEqualTo(before + 1);

        fixture().setStock(product.get("id"), 3);
        outOfStock.refresh();
        assertThat(outOfStockGauge()).isEqualTo(before);
    }

    private double outOfStockGauge() {
        String metrics = management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return metrics.lines()
                .filter(line -> line.startsWith("shopflow_catalog_products_out_of_stock{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No out-of-stock gauge in:\n" + metrics));
    }

    private WebTestClient.ResponseSpec revise(Object productId, Map<String, Object> change) {
        return web.put().uri("/api/catalog/products/{id}", productId).headers(admin()).bodyValue(change).exchange();
    }

    private Map<String, Object> search(String query) {
        return web.get().uri("/api/catalog/products?" + query)
                .exchange()
                .expectStatus().isOk()
                .expectBody(CatalogFixture.JSON).returnResult().getResponseBody();
    }
}
