package dev.shopflow.order.cart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.order.FakeCatalog;
import dev.shopflow.order.OrderServiceTest;
import dev.shopflow.platform.testsupport.TestTokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The cart through the HTTP API, with catalog faked over HTTP. */
class CartApiTest extends OrderServiceTest {

    private static final FakeCatalog catalog = FakeCatalog.instance();

    @Autowired
    private WebTestClient web;

    @Autowired
    private DatabaseClient database;

    private final UUID user = UUID.randomUUID();

    @Test
    void snapshotsNameAndPriceFromCatalogWhenAProductIsAdded() {
        UUID mug = catalog.add("Mug", 1999);
        UUID spoon = catalog.add("Spoon", 250);

        add(mug, 2).expectStatus().isOk();
        add(spoon, 1).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].productId").isEqualTo(mug.toString())
                .jsonPath("$.items[0].name").isEqualTo("Mug")
                .jsonPath("$.items[0].unitPrice.amount").isEqualTo(1999)
                .jsonPath("$.items[0].unitPrice.currency").isEqualTo("EUR")
                .jsonPath("$.items[0].quantity").isEqualTo(2)
                .jsonPath("$.items[0].lineTotal.amount").isEqualTo(3998)
                .jsonPath("$.items[1].name").isEqualTo("Spoon")
                .jsonPath("$.total.amount").isEqualTo(4248);

        web.get().uri("/api/cart").headers(auth()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(2).jsonPath("$.total.amount").isEqualTo(4248);
    }

    @Test
    void changesAndRemovesLinesAndEmptiesTheCart() {
        UUID mug = catalog.add("Mug", 1999);
        UUID spoon = catalog.add("Spoon", 250);
        add(mug, 1);
        add(spoon, 1);

        web.patch().uri("/api/cart/items/" + mug).headers(auth()).bodyValue(Map.of("quantity", 3)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].quantity").isEqualTo(3).jsonPath("$.total.amount").isEqualTo(6247);
        web.delete().uri("/api/cart/items/" + spoon).headers(auth()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1);
        web.delete().uri("/api/cart").headers(auth()).exchange().expectStatus().isNoContent();
        web.get().uri("/api/cart").headers(auth()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0)
                .jsonPath("$.total.amount").isEqualTo(0)
                .jsonPath("$.total.currency").isEqualTo("EUR");
    }

    @Test
    void refusesAnUnknownProductWithA422AndChangesNothing() {
        add(UUID.randomUUID(), 1)
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("productId");

        assertThat(lines()).isZero();
    }

    @Test
    void refusesQuantitiesOutsideOneToNinetyNine() {
        UUID mug = catalog.add("Mug", 1999);

        add(mug, 0).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("quantity");
        add(mug, 60).expectStatus().isOk();
        add(mug, 40).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("quantity");
        web.get().uri("/api/cart").headers(auth()).exchange()
                .expectBody().jsonPath("$.items[0].quantity").isEqualTo(60);
    }

    @Test
    void answers404ForAChangeToAProductNotInTheCart() {
        web.patch().uri("/api/cart/items/" + UUID.randomUUID()).headers(auth()).bodyValue(Map.of("quantity", 2))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/product-not-in-cart");
    }

    @Test
    void answers503WhenCatalogCannotBeReached() {
        add(catalog.failing(), 1)
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody().jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/catalog-unavailable");

        assertThat(lines()).isZero();
    }

    @Test
    void keepsEachUsersCartToThemselves() {
        add(catalog.add("Mug", 1999), 1).expectStatus().isOk();

        web.get().uri("/api/cart").headers(headers -> headers.setBearerAuth(TestTokens.customer(UUID.randomUUID())))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
        web.get().uri("/api/cart").exchange().expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec add(UUID product, int quantity) {
        return web.post().uri("/api/cart/items").headers(auth())
                .bodyValue(Map.of("productId", product, "quantity", quantity))
                .exchange();
    }

    private java.util.function.Consumer<org.springframework.http.HttpHeaders> auth() {
        return headers -> headers.setBearerAuth(TestTokens.customer(user));
    }

    private long lines() {
        return database.sql("SELECT count(*) AS n FROM cart_items WHERE user_id = :user").bind("user", user)
                .map(row -> row.get("n", Long.class)).one().block();
    }
}
