package dev.shopflow.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.shopflow.gateway.GatewayTest;
import dev.shopflow.platform.testsupport.RawHttpConnection;
import dev.shopflow.platform.testsupport.TestTokens;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * The gateway's own server under platform's time-outs, made short here: a client that stops half-way through its
 * headers or trickles a body is cut off within the bounds, while an order's event stream through the gateway stays
 * open through quiet spells longer than every one of them.
 */
@TestPropertySource(properties = {
        "shopflow.web.timeouts.idle=1s", "shopflow.web.timeouts.read=1s", "shopflow.web.timeouts.request=2s"})
class SlowClientsTest extends GatewayTest {

    @Test
    void closesAConnectionWhoseRequestHeadersStopHalfWay() {
        try (var connection = RawHttpConnection.open(port)) {
            connection.send("GET /api/catalog/products HTTP/1.1\r\nHost: gw\r\nAccept: appl");

            assertThat(connection.readUntilClosed(Duration.ofSeconds(4)).status()).isIn(0, 408);
        }
    }

    @Test
    void answersAWebhookBodyTrickledByteByByteWithA408ProblemWithinTheRequestTimeout() {
        try (var connection = RawHttpConnection.open(port)) {
            connection.send("POST /webhooks/stripe HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n");
            connection.trickle("x", Duration.ofMillis(300));

            var answer = connection.readAnswer(Duration.ofSeconds(6));

            assertThat(answer.status()).isEqualTo(408);
            assertThat(answer.headers()).containsEntry("content-type", MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(JsonPath.<String>read(answer.body(), "$.type"))
                    .isEqualTo("https://shopflow.dev/problems/request-timeout");
        }
    }

    @Test
    void keepsAnOrderEventStreamOpenThroughQuietSpellsLongerThanEveryTimeout() {
        services.order.answer((request, response) -> response
                .header(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_EVENT_STREAM_VALUE)
                .sendString(Flux.interval(Duration.ZERO, Duration.ofMillis(1500)).map(tick -> "data:tick " + tick + "\n\n")));

        List<String> ticks = WebClient.create("http://127.0.0.1:" + port).get().uri("/api/orders/42/events")
                .headers(headers -> headers.setBearerAuth(TestTokens.customer()))
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(String.class)
                .take(4)
                .collectList()
                .block(Duration.ofSeconds(15));

        // Four events span 4.5 s: past the idle (1 s), read (1 s) and request (2 s) time-outs.
        assertThat(ticks).containsExactly("tick 0", "tick 1", "tick 2", "tick 3");
    }
}
