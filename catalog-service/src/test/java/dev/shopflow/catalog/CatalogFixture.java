package dev.shopflow.catalog;

import dev.shopflow.platform.testsupport.TestTokens;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Categories and products made through the catalog's own API by an administrator, as the admin UI would. Each test
 * makes a category of its own, so that its products are the only ones a filter by that category can see.
 */
public final class CatalogFixture {

    public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    private final WebTestClient web;

    public CatalogFixture(WebTestClient web) {
        this.web = web;
    }

    /** A word no demo product and no other test uses: lower-case letters only. */
    public static String uniqueWord() {
        var random = ThreadLocalRandom.current();
        var word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    public static String uniqueSku() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** A new, empty category; its slug. */
    public String newCategory() {
        String slug = "test-" + uniqueWord();
        web.post().uri("/api/catalog/categories")
                .headers(headers -> headers.setBearerAuth(TestTokens.admin()))
                .bodyValue(Map.of("slug", slug, "name", "Test " + slug))
                .exchange()
                .expectStatus().isCreated();
        return slug;
    }

    /** A valid request body for a new product; change what a test is about. */
    public static Map<String, Object> productRequest(String category, String name, long price) {
        Map<String, Object> request = new HashMap<>();
        request.put("sku", uniqueSku());
        request.put("name", name);
        request.put("description", "A product made by a test.");
        request.put("category", category);
        request.put("price", Map.of("amount", price, "currency", "EUR"));
        request.put("imageUrl", "https://images.example/test.jpg");
        request.put("attributes", Map.of("color", "blue"));
        request.put("stock", 10);
        return request;
    }

    public Map<String, Object> createProduct(String category, String name, long price) {
        return createProduct(productRequest(category, name, price));
    }

    public Map<String, Object> createProduct(Map<String, Object> request) {
        return web.post().uri("/api/catalog/products")
                .headers(headers -> headers.setBearerAuth(TestTokens.admin()))
                .bodyValue(request)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JSON).returnResult().getResponseBody();
    }

    public Map<String, Object> setStock(Object productId, int quantity) {
        return web.put().uri("/api/catalog/products/{id}/stock", productId)
                .headers(headers -> headers.setBearerAuth(TestTokens.admin()))
                .bodyValue(Map.of("quantity", quantity))
                .exchange()
                .expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
    }

    /** The product's fields as a PUT takes them, at the version the product is at. */
    public static Map<String, Object> updateRequest(Map<String, Object> product) {
        Map<String, Object> request = new HashMap<>(product);
        request.keySet().retainAll(java.util.Set.of("sku", "name", "description", "category", "price", "imageUrl",
                "attributes", "version"));
        return request;
    }
}
