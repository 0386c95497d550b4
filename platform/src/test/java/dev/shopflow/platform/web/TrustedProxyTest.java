package dev.shopflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.platform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service behind a proxy on its own host, as in the local stack: the proxy's address (127.0.0.1) is trusted, so
 * the address it forwards is the client's ({@link SlowAndMalformedRequestsTest} shows the untrusted case).
 */
@SpringBootTest(classes = SlowAndMalformedRequestsTest.Shop.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=shop", "shopflow.web.trusted-proxies=127.0.0.1,::1",
                "spring.autoconfigure.exclude="
                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                + "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration,"
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@ContextConfiguration(initializers = TestTokens.Initializer.class)
class TrustedProxyTest {

    @LocalServerPort
    private int port;

    @Test
    void takesTheClientAddressTheTrustedProxyForwarded() {
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/api/whoami").header("X-Forwarded-For", "203.0.113.9").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.address").isEqualTo("203.0.113.9");
    }

    @Test
    void refusesToStartWithAProxyThatIsNotAnAddress() {
        var properties = new org.springframework.mock.env.MockEnvironment()
                .withProperty("shopflow.web.trusted-proxies", "gateway.internal");
        var failure = org.assertj.core.api.Assertions.catchThrowable(() ->
                org.springframework.boot.context.properties.bind.Binder.get(properties)
                        .bind("shopflow.web", ShopflowWebProperties.class));

        assertThat(failure).hasRootCauseMessage("'gateway.internal' is not an IP address or a CIDR network"
                + " (such as 127.0.0.1, ::1 or 10.0.0.0/8)");
    }
}
