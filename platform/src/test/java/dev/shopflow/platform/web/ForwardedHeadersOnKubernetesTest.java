package dev.shopflow.platform.web;

import dev.shopflow.platform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service on Kubernetes, where Boot would turn on Reactor Netty's own forwarded-header handling unless told not
 * to: the remote address would then be whatever {@code Forwarded} or {@code X-Forwarded-For} names, and
 * {@link ClientAddress} would take a caller's claim for its TCP peer. With no trusted proxy, the client is the peer.
 */
@SpringBootTest(classes = SlowAndMalformedRequestsTest.Shop.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=shop", "spring.main.cloud-platform=kubernetes",
                "spring.autoconfigure.exclude="
                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                + "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration,"
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@ContextConfiguration(initializers = TestTokens.Initializer.class)
class ForwardedHeadersOnKubernetesTest {

    @LocalServerPort
    private int port;

    @Test
    void takesTheTcpPeerAndNotTheAddressAForwardedHeaderNames() {
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/api/whoami")
                .header("Forwarded", "for=203.0.113.9;proto=https;host=shop.example")
                .header("X-Forwarded-For", "203.0.113.9")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.address").isEqualTo("127.0.0.1");
    }
}
