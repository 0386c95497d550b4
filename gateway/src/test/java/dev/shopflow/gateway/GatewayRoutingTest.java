package dev.shopflow.gateway;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Each public path reaches the service that owns it, unchanged. Every service is played by a small HTTP server
 * of its own that answers with its name and the path and method it received.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayRoutingTest {

    private static final List<String> SERVICES = List.of("auth", "catalog", "order", "payment");
    private static final List<DisposableServer> servers = SERVICES.stream().map(GatewayRoutingTest::fakeService).toList();

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void pointRoutesAtFakeServices(DynamicPropertyRegistry registry) {
        for (int i = 0; i < SERVICES.size(); i++) {
            int port = servers.get(i).port();
            registry.add("services." + SERVICES.get(i) + ".uri", () -> "http://127.0.0.1:" + port);
        }
    }

    @AfterAll
    static void stopFakeServices() {
        servers.forEach(DisposableServer::disposeNow);
    }

    @ParameterizedTest
    @CsvSource({
            "POST, /api/auth/token,                    auth",
            "GET,  /.well-known/jwks.json,             auth",
            "GET,  /api/catalog/products?page=1,       catalog",
            "GET,  /api/cart,                          order",
            "POST, /api/cart/items,                    order",
            "GET,  /api/orders/42,                     order",
            "GET,  /api/payments?orderId=42,           payment",
            "POST, /webhooks/stripe,                   payment"})
    void routesEachPathToTheServiceThatOwnsIt(String method, String path, String service) {
        web.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Shopflow-Service", service)
                .expectBody(String.class).isEqualTo(method + " " + path);
    }

    @Test
    void answersAPathNoServiceOwnsWithProblemDetails() {
        web.get().uri("/api/unknown").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Shopflow-Service", "gateway");
    }

    private static DisposableServer fakeService(String name) {
        return HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> response
                        .header("Shopflow-Service", name)
                        .sendString(Mono.just(request.method().name() + " " + request.uri())))
                .bindNow();
    }
}
