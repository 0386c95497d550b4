package dev.shopflow.auth;

import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Accounts and tokens made through the auth service's own API, as a client would. */
final class AuthFixture {

    static final String PASSWORD = "correct horse battery staple";

    private final WebTestClient web;

    AuthFixture(WebTestClient web) {
        this.web = web;
    }

    record Customer(UUID id, String email, String accessToken, String refreshToken) {
    }

    Customer newCustomer() {
        String email = "customer-" + UUID.randomUUID() + "@example.com";
        Map<String, Object> account = register(email, PASSWORD);
        Map<String, Object> tokens = signIn(email, PASSWORD);
        return new Customer(UUID.fromString((String) account.get("id")), email,
                (String) tokens.get("access_token"), (String) tokens.get("refresh_token"));
    }

    Map<String, Object> register(String email, String password) {
        return web.post().uri("/api/auth/register")
                .bodyValue(Map.of("email", email, "password", password, "name", "Ann Example"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    Map<String, Object> signIn(String email, String password) {
        return web.post().uri("/api/auth/token")
                .bodyValue(Map.of("email", email, "password", password))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.OK)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }
}
