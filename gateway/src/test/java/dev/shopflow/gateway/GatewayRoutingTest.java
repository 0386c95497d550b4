package dev.shopflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.platform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** Each public path reaches the service that owns it, unchanged, with the headers a service relies on. */
class GatewayRoutingTest extends GatewayTest {

    @ParameterizedTest
    @CsvSource({
            "POST, /api/auth/token,                    auth",
            "POST, /api/auth/register,                 auth",
            "GET,  /api/auth/me,                       auth",
            "GET,  /.well-known/jwks.json,             auth",
            "GET,  /.well-known/oauth-authorization-server, auth",
            "GET,  /api/catalog/products?page=1,       catalog",
            "GET,  /api/cart,                          order",
            "POST, /api/cart/items,                    order",
            "GET,  /api/orders/42,                     order",
            "GET,  /api/orders/42/events,              order",
            "GET,  /api/payments?orderId=42,           payment",
            "POST, /webhooks/stripe,                   payment"})
    void routesEachPathToTheServiceThatOwnsIt(String method, String path, String service) {
        asCustomer().method(HttpMethod.valueOf(method)).uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Shopflow-Service", service)
                .expectBody(String.class).isEqualTo(method + " " + path);
    }

    @Test
    void tellsTheServiceTheClientAddressItSawAndNotTheOneTheClientClaims() {
        web.get().uri("/api/catalog/products").header("X-Forwarded-For", "203.0.113.7").exchange()
                .expectStatus().isOk();

        assertThat(services.catalog.lastReceived().headers().get("X-Forwarded-For")).containsExactly("127.0.0.1");
    }

    @Test
    void passesNoOtherForwardingHeaderTheClientSent() {
        web.get().uri("/api/catalog/products").header("Forwarded", "for=203.0.113.7;proto=https;host=shop.example")
                .header("X-Forwarded-Host", "shop.example").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "443").header("X-Forwarded-Prefix", "/evil").exchange()
                .expectStatus().isOk();

        var received = services.catalog.lastReceived().headers();
        assertThat(received.get("Forwarded")).isNull();
        assertThat(received.headerNames()).noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("x-forwarded-")
                && !name.equalsIgnoreCase("X-Forwarded-For"));
    }

    @Test
    void forwardsTheAccessTokenUnchanged() {
        String token = TestTokens.customer();

        web.get().uri("/api/orders/42").headers(headers -> headers.setBearerAuth(token)).exchange()
                .expectStatus().isOk();

        assertThat(services.order.lastReceived().headers().get("Authorization")).containsExactly("Bearer " + token);
    }

    @Test
    void answersAPathNoServiceOwnsWithProblemDetails() {
        asCustomer().get().uri("/api/unknown").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Shopflow-Service", "gateway");
    }
}
