package dev.shopflow.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.gateway.GatewayTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Mono;

/** What every answer carries from the edge: a request id, security headers, and CORS for the storefront's origins. */
@TestPropertySource(properties = "shopflow.gateway.cors.allowed-origins=https://shop.example,http://localhost:5173")
class EdgeHeadersTest extends GatewayTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void givesARequestWithoutAnIdANewOneAndForwardsIt() {
        String id = asCustomer().get().uri("/api/cart").exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches("X-Request-Id", UUID_PATTERN)
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

        assertThat(services.order.lastReceived().headers().get("X-Request-Id")).containsExactly(id);
    }

    @Test
    void keepsAWellFormedRequestIdFromTheClient() {
        asCustomer().get().uri("/api/cart").header("X-Request-Id", "k6-vu12-iter7").exchange()
                .expectHeader().valueEquals("X-Request-Id", "k6-vu12-iter7");

        assertThat(services.order.lastReceived().headers().get("X-Request-Id")).containsExactly("k6-vu12-iter7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "id with spaces", "",
            "0123456789012345678901234567890123456789012345678901234567890123456789"})
    void replacesAMalformedRequestId(String malformed) {
        asCustomer().get().uri("/api/cart").header("X-Request-Id", malformed).exchange()
                .expectHeader().valueMatches("X-Request-Id", UUID_PATTERN);
    }

    @Test
    void namesTheRequestIdInTheGatewaysOwnProblems() {
        web.post().uri("/api/cart/items").header("X-Request-Id", "trace-me").bodyValue(new byte[1024 * 1024 + 1])
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().valueEquals("X-Request-Id", "trace-me")
                .expectBody().jsonPath("$.requestId").isEqualTo("trace-me");
    }

    @Test
    void setsSecurityHeadersOnEveryAnswer() {
        asCustomer().get().uri("/api/cart").exchange()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Content-Security-Policy", "frame-ancestors 'none'")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Test
    void keepsTheCachingAServiceAllows() {
        services.catalog.answer((request, response) -> response
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=60").header(HttpHeaders.ETAG, "\"v7\"")
                .sendString(Mono.just("{}")));

        web.get().uri("/api/catalog/products").exchange()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=60")
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"v7\"");
    }

    @Test
    void neverLetsAnAuthAnswerBeStored() {
        services.auth.answer((request, response) -> response
                .header(HttpHeaders.CACHE_CONTROL, "max-age=600").sendString(Mono.just("{}")));

        web.post().uri("/api/auth/token").exchange()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Test
    void answersAPreflightFromAnAllowedOrigin() {
        web.options().uri("/api/orders")
                .header(HttpHeaders.ORIGIN, "https://shop.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type, idempotency-key")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://shop.example")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("POST"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        headers -> assertThat(headers.toLowerCase()).contains("authorization", "idempotency-key"))
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
    }

    @Test
    void refusesAPreflightFromAnOriginNotAllowed() {
        web.options().uri("/api/orders")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void letsTheStorefrontReadTheHeadersItNeeds() {
        asCustomer().get().uri("/api/cart").header(HttpHeaders.ORIGIN, "http://localhost:5173").exchange()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> assertThat(exposed)
                        .contains("Location", "Retry-After", "X-Request-Id", "X-RateLimit-Remaining"));
    }
}
