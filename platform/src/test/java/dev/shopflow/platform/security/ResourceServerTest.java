package dev.shopflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.platform.testsupport.TestTokens;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootTest(classes = ResourceServerTest.Shop.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=shop", "spring.autoconfigure.exclude="
                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                + "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration,"
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@AutoConfigureWebTestClient(timeout = "PT30S")
@ContextConfiguration(initializers = TestTokens.Initializer.class)
class ResourceServerTest {

    @SpringBootApplication
    static class Shop {

        @Bean
        AccessRules shopRules() {
            return exchanges -> exchanges
                    .pathMatchers(HttpMethod.GET, "/api/shop/public").permitAll()
                    .pathMatchers("/api/shop/admin/**").hasRole(AuthenticatedUser.ADMIN);
        }

        @RestController
        static class ShopController {

            @GetMapping("/api/shop/public")
            Map<String, String> open() {
                return Map.of("greeting", "welcome");
            }

            @GetMapping("/api/shop/me")
            AuthenticatedUser me(AuthenticatedUser caller) {
                return caller;
            }

            @GetMapping("/api/shop/admin/report")
            Map<String, String> report() {
                return Map.of("report", "ready");
            }
        }
    }

    @Autowired
    private WebTestClient web;

    @LocalServerPort
    private int port;

    @Test
    void letsAnyoneReachAPublicPath() {
        web.get().uri("/api/shop/public").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.greeting").isEqualTo("welcome");
    }

    @Test
    void givesTheControllerTheUserTheTokenNames() {
        UUID user = UUID.randomUUID();
        web.get().uri("/api/shop/me").headers(bearer(TestTokens.customer(user))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(user.toString())
                .jsonPath("$.roles[0]").isEqualTo("CUSTOMER");
    }

    @Test
    void refusesAMissingTokenWithAChallengeAndAProblem() {
        web.get().uri("/api/shop/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.instance").isEqualTo("/api/shop/me")
                .jsonPath("$.requestId").isNotEmpty();
    }

    @Test
    void refusesAnInvalidTokenWithAnInvalidTokenChallenge() {
        for (String token : new String[] {TestTokens.signedByUnknownKey(), "not-a-jwt", TestTokens.customer() + "x",
                TestTokens.customerTokenOfType("JWT")}) {
            web.get().uri("/api/shop/me").headers(bearer(token)).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE,
                            challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""))
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(401);
        }
    }

    @Test
    void refusesACustomerOnAnAdminPathWithA403Problem() {
        web.get().uri("/api/shop/admin/report").headers(bearer(TestTokens.customer())).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }

    @Test
    void letsAnAdminOnAnAdminPath() {
        web.get().uri("/api/shop/admin/report").headers(bearer(TestTokens.admin())).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.report").isEqualTo("ready");
    }

    @Test
    void answersARequestTheFirewallRefusesWithA400Problem() {
        web.method(HttpMethod.TRACE).uri("/api/shop/public").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400);
        web.get().uri(URI.create("http://localhost:" + port + "/api/shop/%2e%2e/me")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void challengesABasicAuthorizationHeaderAsAMissingToken() {
        web.get().uri("/api/shop/me").headers(headers -> headers.setBasicAuth("ann", "secret")).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Test
    void keepsHealthPublicAndSendsSecurityHeaders() {
        web.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer");
    }

    private static java.util.function.Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }
}
