package dev.shopflow.gateway;

import dev.shopflow.platform.testsupport.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A service that is not running is a 503 problem at the gateway, not a 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
@ContextConfiguration(initializers = TestTokens.Initializer.class)
class GatewayUnreachableServiceTest {

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void pointOrdersAtAPortNobodyListensOn(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("services.order.uri", () -> "http://127.0.0.1:" + closedPort);
    }

    @Test
    void answersARequestForAStoppedServiceWithA503Problem() {
        web.get().uri("/api/orders").headers(headers -> headers.setBearerAuth(TestTokens.customer())).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Shopflow-Service", "gateway")
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.instance").isEqualTo("/api/orders")
                .jsonPath("$.detail").isEqualTo("A service needed to answer this request is not reachable. Try again shortly.");
    }
}
