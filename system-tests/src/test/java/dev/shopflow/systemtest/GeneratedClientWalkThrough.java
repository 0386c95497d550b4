package dev.shopflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shopflow.client.auth.AccountsApi;
import dev.shopflow.client.auth.TokensApi;
import dev.shopflow.client.auth.model.RegisterRequest;
import dev.shopflow.client.auth.model.SignInRequest;
import dev.shopflow.client.catalog.ProductsApi;
import dev.shopflow.client.catalog.model.Product;
import dev.shopflow.client.order.CartApi;
import dev.shopflow.client.order.OrdersApi;
import dev.shopflow.client.order.model.AddCartItemRequest;
import dev.shopflow.client.order.model.Order;
import dev.shopflow.client.order.model.PlaceOrderRequest;
import dev.shopflow.client.payment.PaymentsApi;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The README's checkout walk-through, with nothing but the Java client that the build generates from the API
 * documents (module {@code api-client}): sign up, sign in, search the catalog, fill the cart, check out, follow the
 * order to {@code CONFIRMED}, see its payment. No hand-written JSON, paths or status checks stand in for the client:
 * if a document stops describing what its service does, this walk-through stops working.
 */
final class GeneratedClientWalkThrough {

    private final String gateway;

    GeneratedClientWalkThrough(String gateway) {
        this.gateway = gateway;
    }

    /** Walks through one checkout and answers the confirmed order. */
    Order checkOut() throws Exception {
        String email = "walker-" + UUID.randomUUID() + "@example.com";
        String password = "a long enough passphrase";

        var auth = new dev.shopflow.client.auth.invoker.ApiClient();
        auth.updateBaseUri(gateway);
        var registered = new AccountsApi(auth).registerWithHttpInfo(
                new RegisterRequest().email(email).password(password).name("Walker"));
        assertThat(registered.getStatusCode()).isEqualTo(201);
        assertThat(registered.getData().getRoles()).extracting(String::valueOf).containsExactly("CUSTOMER");

        var tokens = new TokensApi(auth).signIn(new SignInRequest().email(email).password(password));
        assertThat(tokens.getTokenType()).isEqualTo("Bearer");
        Consumer<HttpRequest.Builder> bearer = request -> request.header("Authorization",
                "Bearer " + tokens.getAccessToken());

        var catalog = new dev.shopflow.client.catalog.invoker.ApiClient();
        catalog.updateBaseUri(gateway);
        Product product = new ProductsApi(catalog).searchProducts(0, 20, "headphones", null, null, null, null)
                .getItems().stream()
                .filter(candidate -> candidate.getAvailable() >= 2)
                .findFirst().orElseThrow();

        var ordering = new dev.shopflow.client.order.invoker.ApiClient();
        ordering.updateBaseUri(gateway);
        ordering.setRequestInterceptor(bearer);
        var cart = new CartApi(ordering).addCartItem(new AddCartItemRequest().productId(product.getId()).quantity(2));
        assertThat(cart.getItems()).singleElement().satisfies(line -> {
            assertThat(line.getName()).isEqualTo(product.getName());
            assertThat(line.getLineTotal().getAmount()).isEqualTo(2 * product.getPrice().getAmount());
        });

        var orders = new OrdersApi(ordering);
        var placed = orders.placeOrderWithHttpInfo(UUID.randomUUID().toString(),
                new PlaceOrderRequest().paymentMethod("pm_card_visa"));
        assertThat(placed.getStatusCode()).isEqualTo(202);
        UUID orderId = placed.getData().getId();
        assertThat(placed.getHeaders().get("location")).containsExactly("/api/orders/" + orderId);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                "CONFIRMED".equals(String.valueOf(orders.getOrder(orderId).getStatus())));
        Order confirmed = orders.getOrder(orderId);
        assertThat(confirmed.getCancellationReason()).isNull();
        assertThat(confirmed.getTotal().getAmount()).isEqualTo(2 * product.getPrice().getAmount());

        var payments = new dev.shopflow.client.payment.invoker.ApiClient();
        payments.updateBaseUri(gateway);
        payments.setRequestInterceptor(bearer);
        assertThat(new PaymentsApi(payments).listPayments(orderId).getItems()).singleElement().satisfies(payment -> {
            assertThat(String.valueOf(payment.getStatus())).isEqualTo("SUCCEEDED");
            assertThat(payment.getAmount().getAmount()).isEqualTo(confirmed.getTotal().getAmount());
        });
        return confirmed;
    }
}
