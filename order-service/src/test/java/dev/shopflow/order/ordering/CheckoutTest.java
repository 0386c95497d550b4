package dev.shopflow.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.shopflow.contracts.EventContracts;
import dev.shopflow.order.FakeCatalog;
import dev.shopflow.order.OrderServiceTest;
import dev.shopflow.platform.testsupport.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** Checkout through the HTTP API: buy now and from the cart, idempotency keys, and every way it is refused. */
class CheckoutTest extends OrderServiceTest {

    private static final FakeCatalog catalog = FakeCatalog.instance();

    @Autowired
    private WebTestClient web;

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private DatabaseClient database;

    @Autowired
    private io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    private OpenOrdersGauge openOrders;

    @Test
    void placesABuyNowOrderPricedByCatalogAndAnnouncesItAsTheContractSays() {
        UUID user = UUID.randomUUID();
        UUID mug = catalog.add("Mug", 1999);
        UUID spoon = catalog.add("Spoon", 250);
        double placedBefore = meters.counter("shopflow.orders.placed").count();

        var response = checkout(user, UUID.randomUUID().toString(), buyNow(Map.of("productId", mug, "quantity", 2),
                Map.of("productId", spoon, "quantity", 1)))
                .expectStatus().isAccepted()
                .expectHeader().valueMatches("Location", "/api/orders/[0-9a-f-]{36}")
                .expectBody()
                .jsonPath("$.status").isEqualTo("PENDING")
                .jsonPath("$.cancellationReason").doesNotExist()
                .jsonPath("$.total.amount").isEqualTo(4248)
                .jsonPath("$.total.currency").isEqualTo("EUR")
                .jsonPath("$.items[0].productId").isEqualTo(mug.toString())
                .jsonPath("$.items[0].name").isEqualTo("Mug")
                .jsonPath("$.items[0].unitPrice.amount").isEqualTo(1999)
                .jsonPath("$.items[0].quantity").isEqualTo(2)
                .jsonPath("$.items[0].lineTotal.amount").isEqualTo(3998)
                .jsonPath("$.paymentMethod").isEqualTo("pm_card_visa")
                .returnResult();
        String orderId = JsonPath.read(new String(response.getResponseBodyContent()), "$.id");

        assertThat(meters.counter("shopflow.orders.placed").count()).isEqualTo(placedBefore + 1);
        openOrders.refresh();
        long pending = database.sql("SELECT count(*) AS n FROM orders WHERE status = 'PENDING'")
                .map(row -> row.get("n", Long.class)).one().block();
        assertThat(pending).isPositive();
        assertThat(meters.get("shopflow.orders.open").tag("status", "PENDING").gauge().value()).isEqualTo(pending);
        List<String> events = outbox(orderId);
        assertThat(events).hasSize(1);
        String placed = events.getFirst();
        EventContracts.requireValid("shopflow.order.placed.v1", placed);
        assertThat(JsonPath.<String>read(placed, "$.userId")).isEqualTo(user.toString());
        assertThat(JsonPath.<Integer>read(placed, "$.total.amount")).isEqualTo(4248);
        assertThat(JsonPath.<List<String>>read(placed, "$.items[*].productId"))
                .containsExactly(mug.toString(), spoon.toString());
        web.get().uri("/api/orders/" + orderId + "/timeline").headers(auth(TestTokens.customer(user))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].step").isEqualTo("ORDER_PLACED")
                .jsonPath("$.items[0].actor").isEqualTo("order-service")
                .jsonPath("$.items[0].occurredAt").exists();
    }

    @Test
    void checksOutTheCartAtCatalogsPricesAndEmptiesIt() {
        UUID user = UUID.randomUUID();
        UUID kettle = catalog.add("Kettle", 4500);
        putInCart(user, kettle, "Kettle", 4500, 1);

        checkout(user, "cart-1", Map.of("paymentMethod", "pm_card_visa"))
                .expectStatus().isAccepted()
                .expectBody()
                .jsonPath("$.items[0].productId").isEqualTo(kettle.toString())
                .jsonPath("$.items[0].name").isEqualTo("Kettle")
                .jsonPath("$.total.amount").isEqualTo(4500);

        assertThat(count("SELECT count(*) AS n FROM cart_items WHERE user_id = :user", user)).isZero();
    }

    @Test
    void asksCatalogOnceAboutAProductItNoLongerHasWhichKeepsItsCartPrice() {
        UUID user = UUID.randomUUID();
        UUID gone = UUID.randomUUID(); // in the cart, but catalog answers 404 for it (deleted since)
        putInCart(user, gone, "Discontinued radio", 2500, 1);

        checkout(user, "cart-gone", Map.of("paymentMethod", "pm_card_visa"))
                .expectStatus().isAccepted()
                .expectBody()
                .jsonPath("$.items[0].productId").isEqualTo(gone.toString())
                .jsonPath("$.total.amount").isEqualTo(2500);

        // Asked before the checkout's transaction, and not again inside it while the cart's rows are locked.
        assertThat(catalog.lookupsOf(gone)).isEqualTo(1);
    }

    @Test
    void refusesACartCheckoutWhosePricesChangedListingThemAndBuysAtTheNewPricesOnTheNextCheckout() {
        UUID user = UUID.randomUUID();
        UUID lamp = catalog.add("Lamp", 1000);
        UUID bulb = catalog.add("Bulb", 250);
        addToCart(user, lamp, 2);
        addToCart(user, bulb, 1);
        catalog.reprice(lamp, 100000);

        checkout(user, "before-repricing-seen", Map.of("paymentMethod", "pm_card_visa"))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/prices-changed")
                .jsonPath("$.status").isEqualTo(409)
                .jsonPath("$.priceChanges.length()").isEqualTo(1)
                .jsonPath("$.priceChanges[0].productId").isEqualTo(lamp.toString())
                .jsonPath("$.priceChanges[0].oldUnitPrice.amount").isEqualTo(1000)
                .jsonPath("$.priceChanges[0].oldUnitPrice.currency").isEqualTo("EUR")
                .jsonPath("$.priceChanges[0].newUnitPrice.amount").isEqualTo(100000)
                .jsonPath("$.priceChanges[0].newUnitPrice.currency").isEqualTo("EUR");

        assertThat(count("SELECT count(*) AS n FROM orders WHERE user_id = :user", user)).isZero();
        assertThat(count("SELECT count(*) AS n FROM idempotency_keys WHERE user_id = :user", user)).isZero();
        web.get().uri("/api/cart").headers(auth(TestTokens.customer(user))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].productId").isEqualTo(lamp.toString())
                .jsonPath("$.items[0].unitPrice.amount").isEqualTo(100000)
                .jsonPath("$.items[0].quantity").isEqualTo(2)
                .jsonPath("$.items[1].unitPrice.amount").isEqualTo(250)
                .jsonPath("$.total.amount").isEqualTo(200250);

        var response = checkout(user, "after-repricing-seen", Map.of("paymentMethod", "pm_card_visa"))
                .expectStatus().isAccepted()
                .expectBody()
                .jsonPath("$.items[0].unitPrice.amount").isEqualTo(100000)
                .jsonPath("$.total.amount").isEqualTo(200250)
                .returnResult();
        String orderId = JsonPath.read(new String(response.getResponseBodyContent()), "$.id");
        String placed = outbox(orderId).getFirst();
        EventContracts.requireValid("shopflow.order.placed.v1", placed);
        assertThat(JsonPath.<Integer>read(placed, "$.items[0].unitPrice.amount")).isEqualTo(100000);
        assertThat(JsonPath.<Integer>read(placed, "$.total.amount")).isEqualTo(200250);
        assertThat(count("SELECT count(*) AS n FROM cart_items WHERE user_id = :user", user)).isZero();
    }

    @Test
    void leavesTheCartAsItWasWhenItsOrderCannotBePlaced() {
        UUID user = UUID.randomUUID();
        putInCart(user, UUID.randomUUID(), "Kettle", 4500, 1);
        database.sql("""
                        INSERT INTO cart_items (user_id, product_id, name, unit_price_amount, currency, quantity)
                        VALUES (:user, :product, 'Imported kettle', 5000, 'USD', 1)""")
                .bind("user", user).bind("product", UUID.randomUUID()).then().block();

        checkout(user, "mixed", Map.of("paymentMethod", "pm_card_visa"))
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("items");

        assertThat(count("SELECT count(*) AS n FROM cart_items WHERE user_id = :user", user)).isEqualTo(2);
        assertThat(count("SELECT count(*) AS n FROM orders WHERE user_id = :user", user)).isZero();
    }

    @Test
    void refusesABuyNowNamingAProductTwice() {
        UUID mug = catalog.add("Mug", 1999);

        checkout(UUID.randomUUID(), "twice", buyNow(Map.of("productId", mug, "quantity", 1),
                Map.of("productId", mug, "quantity", 2)))
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("items");
    }

    @Test
    void rejectsCheckoutOfAnEmptyCartAndCreatesNothing() {
        UUID user = UUID.randomUUID();

        checkout(user, "empty", Map.of("paymentMethod", "pm_card_visa"))
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/cart-is-empty");

        assertThat(count("SELECT count(*) AS n FROM orders WHERE user_id = :user", user)).isZero();
        assertThat(count("SELECT count(*) AS n FROM idempotency_keys WHERE user_id = :user", user)).isZero();
    }

    @Test
    void answersTheSameOrderForTheSameKeyAndRequestAndRefusesTheKeyWithAnotherRequest() {
        UUID user = UUID.randomUUID();
        UUID lamp = catalog.add("Lamp", 3000);
        var request = buyNow(Map.of("productId", lamp, "quantity", 1));

        String first = placedId(checkout(user, "key-1", request));
        String again = placedId(checkout(user, "key-1", request));

        assertThat(again).isEqualTo(first);
        assertThat(count("SELECT count(*) AS n FROM orders WHERE user_id = :user", user)).isEqualTo(1);
        checkout(user, "key-1", buyNow(Map.of("productId", lamp, "quantity", 2)))
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/idempotency-key-reused");
        // Keys are per user: another customer's identical key is a new order.
        assertThat(placedId(checkout(UUID.randomUUID(), "key-1", request))).isNotEqualTo(first);
    }

    @Test
    void placesOneOrderWhenTheSameCheckoutArrivesTwiceAtOnce() {
        UUID user = UUID.randomUUID();
        UUID lamp = catalog.add("Lamp", 3000);
        var request = buyNow(Map.of("productId", lamp, "quantity", 1));

        List<String> ids = reactor.core.publisher.Flux.range(0, 4)
                .flatMap(i -> reactor.core.publisher.Mono.fromCallable(() -> placedId(checkout(user, "race", request)))
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()))
                .collectList().block();

        assertThat(ids).hasSize(4).containsOnly(ids.getFirst());
        assertThat(count("SELECT count(*) AS n FROM orders WHERE user_id = :user", user)).isEqualTo(1);
    }

    @Test
    void aCheckoutWhoseClientGoesAwayMidwayPlacesItsOrderWithItsEventOrNeither() {
        UUID user = UUID.randomUUID();
        UUID lamp = catalog.add("Lamp", 3000);
        var request = buyNow(Map.of("productId", lamp, "quantity", 1));
        List<String> keys = java.util.stream.IntStream.range(0, 150).mapToObj(i -> "dropped-" + i).toList();
        var client = WebClient.create("http://localhost:" + port);

        // Each client closes its connection after up to 40 ms: before, during or after the checkout's transaction.
        Flux.fromIterable(keys).flatMap(key -> client.post().uri("/api/orders")
                .headers(auth(TestTokens.customer(user))).header("Idempotency-Key", key).bodyValue(request)
                .retrieve().toBodilessEntity()
                .take(Duration.ofMillis(ThreadLocalRandom.current().nextLong(40)))
                .onErrorComplete(), 8).blockLast();
        // Then each comes back with its key, as a client whose connection dropped does.
        List<String> placed = keys.stream().map(key -> placedId(checkout(user, key, request))).toList();

        assertThat(placed).doesNotHaveDuplicates();
        assertThat(count("SELECT count(*) AS n FROM orders WHERE user_id = :user", user)).isEqualTo(keys.size());
        assertThat(count("""
                SELECT count(*) AS n FROM outbox WHERE event_type = 'shopflow.order.placed.v1'
                AND payload::jsonb ->> 'userId' = CAST(:user AS text)""", user)).isEqualTo(keys.size());
        assertThat(count("""
                SELECT count(*) AS n FROM outbox WHERE payload::jsonb ->> 'userId' = CAST(:user AS text)
                AND NOT EXISTS (SELECT 1 FROM orders WHERE orders.id::text = outbox.record_key)""", user)).isZero();
    }

    @Test
    void refusesUnknownProductsNamingEachItem() {
        UUID known = catalog.add("Known", 100);

        checkout(UUID.randomUUID(), "unknown", buyNow(Map.of("productId", known, "quantity", 1),
                Map.of("productId", UUID.randomUUID(), "quantity", 1)))
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("items[1].productId")
                .jsonPath("$.errors.length()").isEqualTo(1);
    }

    @Test
    void refusesInvalidFieldsListingThem() {
        checkout(UUID.randomUUID(), "invalid", Map.of("paymentMethod", " ",
                "items", List.of(Map.of("productId", UUID.randomUUID(), "quantity", 0))))
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'paymentMethod')]").exists()
                .jsonPath("$.errors[?(@.field == 'items[0].quantity')]").exists();
    }

    @Test
    void refusesACheckoutWithoutAnIdempotencyKey() {
        UUID mug = catalog.add("Mug", 1999);

        web.post().uri("/api/orders").headers(auth(TestTokens.customer(UUID.randomUUID())))
                .bodyValue(buyNow(Map.of("productId", mug, "quantity", 1)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void answers503WhenCatalogCannotPriceTheItems() {
        UUID user = UUID.randomUUID();

        checkout(user, "down", buyNow(Map.of("productId", catalog.failing(), "quantity", 1)))
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody().jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/catalog-unavailable");

        assertThat(count("SELECT count(*) AS n FROM orders WHERE user_id = :user", user)).isZero();
    }

    @Test
    void refusesACheckoutWithoutAnAccessToken() {
        web.post().uri("/api/orders").header("Idempotency-Key", "anonymous")
                .bodyValue(Map.of("paymentMethod", "pm_card_visa"))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    static Map<String, Object> buyNow(Map<?, ?>... items) {
        return Map.of("paymentMethod", "pm_card_visa", "items", List.of(items));
    }

    private WebTestClient.ResponseSpec checkout(UUID user, String key, Object body) {
        return web.post().uri("/api/orders")
                .headers(auth(TestTokens.customer(user)))
                .header("Idempotency-Key", key)
                .bodyValue(body)
                .exchange();
    }

    private static String placedId(WebTestClient.ResponseSpec response) {
        byte[] body = response.expectStatus().isAccepted().expectBody().returnResult().getResponseBodyContent();
        return JsonPath.read(new String(body), "$.id");
    }

    static java.util.function.Consumer<org.springframework.http.HttpHeaders> auth(String token) {
        return headers -> headers.setBearerAuth(token);
    }

    private void addToCart(UUID user, UUID product, int quantity) {
        web.post().uri("/api/cart/items").headers(auth(TestTokens.customer(user)))
                .bodyValue(Map.of("productId", product, "quantity", quantity))
                .exchange()
                .expectStatus().isOk();
    }

    private void putInCart(UUID user, UUID product, String name, long price, int quantity) {
        database.sql("INSERT INTO carts (user_id) VALUES (:user) ON CONFLICT DO NOTHING").bind("user", user).then()
                .then(database.sql("""
                                INSERT INTO cart_items (user_id, product_id, name, unit_price_amount, currency, quantity)
                                VALUES (:user, :product, :name, :price, 'EUR', :quantity)""")
                        .bind("user", user).bind("product", product).bind("name", name).bind("price", price)
                        .bind("quantity", quantity).then())
                .block();
    }

    private long count(String sql, UUID user) {
        return database.sql(sql).bind("user", user).map(row -> row.get("n", Long.class)).one().block();
    }

    private List<String> outbox(String orderId) {
        return database.sql("SELECT payload FROM outbox WHERE record_key = :key ORDER BY id")
                .bind("key", orderId).map(row -> row.get("payload", String.class)).all().collectList().block();
    }
}
