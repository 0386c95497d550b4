package dev.shopflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A storefront's calls through the gateway: browse, fill the cart, check out, follow the order. */
final class Shop {

    private final String gateway;

    Shop(String gateway) {
        this.gateway = gateway;
    }

    /** A product of the demo catalog with at least {@code minimumAvailable} units available. */
    Map<String, Object> productWithStock(int minimumAvailable, int skip) {
        var page = Http.get(gateway + "/api/catalog/products?size=100&sort=name");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<Map<String, Object>> items = JsonPath.read(page.body(), "$.items");
        return items.stream()
                .filter(product -> ((Number) product.get("available")).intValue() >= minimumAvailable)
                .skip(skip)
                .findFirst().orElseThrow();
    }

    int available(Object productId) {
        var product = Http.get(gateway + "/api/catalog/products/" + productId);
        assertThat(product.statusCode()).as(product.body()).isEqualTo(200);
        return JsonPath.<Integer>read(product.body(), "$.available");
    }

    HttpResponse<String> addToCart(String token, Object productId, int quantity) {
        return Http.send("POST", gateway + "/api/cart/items", token,
                "{\"productId\":\"" + productId + "\",\"quantity\":" + quantity + "}");
    }

    HttpResponse<String> checkout(String token, String idempotencyKey, String body) {
        return Http.send("POST", gateway + "/api/orders", token, body, Map.of("Idempotency-Key", idempotencyKey));
    }

    /** Buy now: one line, this payment method; the answer must be 202. */
    String buyNow(String token, Object productId, int quantity, String paymentMethod) {
        var placed = checkout(token, UUID.randomUUID().toString(), "{\"paymentMethod\":\"" + paymentMethod
                + "\",\"items\":[{\"productId\":\"" + productId + "\",\"quantity\":" + quantity + "}]}");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        return JsonPath.read(placed.body(), "$.id");
    }

    HttpResponse<String> order(String token, String orderId) {
        return Http.get(gateway + "/api/orders/" + orderId, token);
    }

    /** Waits until the order reaches {@code status}, and answers it. */
    String awaitStatus(String token, String orderId, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            String order = order(token, orderId).body();
            assertThat(JsonPath.<String>read(order, "$.status")).as(order).isEqualTo(status);
        });
        return order(token, orderId).body();
    }
}
