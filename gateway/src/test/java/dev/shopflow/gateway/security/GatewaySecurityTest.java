package dev.shopflow.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.shopflow.gateway.GatewayTest;
import dev.shopflow.platform.testsupport.TestTokens;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * The gateway lets public routes through without a token, refuses every other request without a valid one with a
 * 401 problem before a service sees it, and forwards a valid token unchanged.
 */
class GatewaySecurityTest extends GatewayTest {

    @ParameterizedTest
    @CsvSource({
            "POST, /api/auth/register",
            "POST, /api/auth/token",
            "POST, /api/auth/refresh",
            "POST, /api/auth/logout",
            "GET,  /.well-known/jwks.json",
            "GET,  /.well-known/oauth-authorization-server",
            "GET,  /api/catalog/products?q=lamp",
            "HEAD, /api/catalog/products/7",
            "GET,  /api/catalog/categories",
            "POST, /webhooks/stripe",
            "GET,  /v3/api-docs/order",
            "OPTIONS, /api/catalog/products",
            "OPTIONS, /api/auth/register",
            "OPTIONS, /.well-known/jwks.json",
            "OPTIONS, /webhooks/stripe"})
    void letsPublicRoutesThroughWithoutAToken(String method, String path) {
        web.method(HttpMethod.valueOf(method)).uri(path).exchange()
                .expectStatus().isOk();
    }

    /** RFC 8615 paths are public: one the gateway routes nowhere is a 404, as for a signed-in caller, not a 401. */
    @Test
    void answersAWellKnownPathThatNoServiceServesWith404() {
        web.get().uri("/.well-known/no-such-document").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest
    @CsvSource({
            "OPTIONS, /api/orders",
            "GET,    /api/auth/me",
            "POST,   /api/catalog/products",
            "PUT,    /api/catalog/products/7/stock",
            "DELETE, /api/catalog/products/7",
            "GET,    /api/cart",
            "POST,   /api/orders",
            "GET,    /api/orders/42/events",
            "GET,    /api/payments?orderId=42",
            "GET,    /webhooks/stripe"})
    void refusesAProtectedRouteWithoutATokenBeforeTheServiceSeesIt(String method, String path) {
        int before = received();

        web.method(HttpMethod.valueOf(method)).uri(path).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectHeader().valueEquals("Shopflow-Service", "gateway")
                .expectBody().jsonPath("$.status").isEqualTo(401);

        assertThat(received()).isEqualTo(before);
    }

    @Test
    void refusesAnExpiredToken() {
        String expired = TestTokens.token(UUID.randomUUID(), List.of("CUSTOMER"), claims -> claims
                .issueTime(Date.from(Instant.now().minusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(600))));

        refuses(expired);
    }

    @Test
    void refusesATokenSignedByAKeyTheAuthServiceDoesNotPublish() {
        refuses(TestTokens.signedByUnknownKey());
    }

    @Test
    void refusesATokenForAnotherAudience() {
        refuses(TestTokens.token(UUID.randomUUID(), List.of("CUSTOMER"),
                claims -> claims.audience("someone-else")));
    }

    /** RFC 9068 §4: a JWT signed by the right key but not typed as an access token is no access token. */
    @Test
    void refusesATokenNotTypedAsAnAccessToken() {
        refuses(TestTokens.customerTokenOfType("JWT"));
        refuses(TestTokens.customerTokenOfType(null));
    }

    @Test
    void refusesSomethingThatIsNoToken() {
        refuses("not.a.jwt");
    }

    @Test
    void routesARequestWithAValidTokenAndForwardsTheTokenUnchanged() {
        String token = TestTokens.customer();

        web.get().uri("/api/cart").headers(headers -> headers.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Shopflow-Service", "order");

        assertThat(services.order.lastReceived().headers().get(HttpHeaders.AUTHORIZATION))
                .containsExactly("Bearer " + token);
    }

    @Test
    void answersACorsPreflightForAProtectedRoute() {
        web.options().uri("/api/orders")
                .header(HttpHeaders.ORIGIN, "http://localhost:5173")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173");
    }

    private void refuses(String token) {
        int before = received();

        web.get().uri("/api/orders").headers(headers -> headers.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).contains("invalid_token"))
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(received()).isEqualTo(before);
    }

    private static int received() {
        return services.auth.received().size() + services.catalog.received().size()
                + services.order.received().size() + services.payment.received().size();
    }
}
