package dev.shopflow.platform.security;

import dev.shopflow.platform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Before the auth service has ever answered, a token cannot be checked: that is the auth service being down. */
@SpringBootTest(classes = ResourceServerTest.Shop.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=shop",
                "shopflow.security.jwt.jwks-uri=http://127.0.0.1:9/.well-known/jwks.json",
                "spring.autoconfigure.exclude="
                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                + "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration,"
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@AutoConfigureWebTestClient(timeout = "PT30S")
class AuthServiceUnreachableTest {

    @Autowired
    private WebTestClient web;

    @Test
    void answersA503ProblemWhileNoSigningKeysCanBeFetched() {
        web.get().uri("/api/shop/me").headers(headers -> headers.setBearerAuth(TestTokens.customer())).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(503);
    }
}
