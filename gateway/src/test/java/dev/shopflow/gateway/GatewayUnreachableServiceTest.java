package dev.shopflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.shopflow.platform.testsupport.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service that is not running is a 503 problem at the gateway, not a 500, and the warning the gateway logs carries
 * the request's trace id although the gateway does not restore thread-locals around every operator
 * ({@code spring.reactor.context-propagation: limited}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
@ContextConfiguration(initializers = TestTokens.Initializer.class)
@ExtendWith(OutputCaptureExtension.class)
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

    @Test
    void logsTheFailureWithTheTraceIdOfTheRequest(CapturedOutput output) {
        String traceId = randomHex(16);
        web.get().uri("/api/orders").headers(headers -> {
            headers.setBearerAuth(TestTokens.customer());
            headers.set("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01");
        }).exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut().lines())
                .filteredOn(line -> line.contains("route orders UNREACHABLE"))
                .singleElement().asString().containsPattern(traceId + "[-,][0-9a-f]{16}"));
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
