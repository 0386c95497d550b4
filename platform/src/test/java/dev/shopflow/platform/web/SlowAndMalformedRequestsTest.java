package dev.shopflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.shopflow.platform.security.AccessRules;
import dev.shopflow.platform.testsupport.RawHttpConnection;
import dev.shopflow.platform.testsupport.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A server with platform's web defaults and short time-outs, driven over raw sockets: slow clients are cut off
 * within the configured bounds, Reactor Netty's own refusals carry problem bodies, event streams outlive every
 * time-out, and a client cannot choose its own address.
 */
@SpringBootTest(classes = SlowAndMalformedRequestsTest.Shop.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=shop",
                "shopflow.web.timeouts.idle=1s", "shopflow.web.timeouts.read=1s", "shopflow.web.timeouts.request=2s",
                // Not the test's own address (127.0.0.1): the test is an untrusted client here.
                "shopflow.web.trusted-proxies=10.0.0.0/8",
                "spring.autoconfigure.exclude="
                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                + "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration,"
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@ContextConfiguration(initializers = TestTokens.Initializer.class)
class SlowAndMalformedRequestsTest {

    @SpringBootApplication
    static class Shop {

        @Bean
        AccessRules everythingIsPublic() {
            return exchanges -> exchanges.pathMatchers("/api/**").permitAll();
        }

        @RestController
        static class ShopController {

            @GetMapping("/api/whoami")
            Map<String, String> whoami(ServerWebExchange exchange) {
                return Map.of("address", ClientAddress.of(exchange));
            }

            @PostMapping("/api/echo")
            Mono<String> echo(@RequestBody String body) {
                return Mono.just(body);
            }

            /** Quiet for longer than any of the time-outs between two events. */
            @GetMapping(path = "/api/ticks", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
            Flux<ServerSentEvent<String>> ticks() {
                return Flux.interval(Duration.ZERO, Duration.ofMillis(1500))
                        .map(tick -> ServerSentEvent.builder("tick " + tick).build());
            }
        }
    }

    @LocalServerPort
    private int port;

    @Test
    void closesAConnectionWhoseRequestHeadersStopHalfWayWithinTheIdleTimeout() {
        try (var connection = RawHttpConnection.open(port)) {
            connection.send("GET /api/whoami HTTP/1.1\r\nHost: shop\r\nAccept: appl");

            var answer = connection.readUntilClosed(Duration.ofSeconds(4));

            assertThat(answer.status()).isIn(0, 408);
        }
    }

    @Test
    void closesAConnectionWhoseRequestHeadersTrickleInByteByByte() {
        try (var connection = RawHttpConnection.open(port)) {
            connection.send("GET /api/whoami HTTP/1.1\r\nHost: shop\r\n");
            // A byte every 300 ms never leaves the connection idle for the idle time-out (1 s).
            connection.trickle("X", Duration.ofMillis(300));

            var answer = connection.readUntilClosed(Duration.ofSeconds(6));

            assertThat(answer.status()).isIn(0, 408);
        }
    }

    @Test
    void closesAConnectionThatNeverSendsARequestWithinTheIdleTimeout() {
        try (var connection = RawHttpConnection.open(port)) {
            assertThat(connection.readUntilClosed(Duration.ofSeconds(4)).status()).isZero();
        }
    }

    @Test
    void answersABodyTrickledByteByByteWith408ProblemWithinTheRequestTimeout() {
        try (var connection = RawHttpConnection.open(port)) {
            connection.send("POST /api/echo HTTP/1.1\r\nHost: shop\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 1000\r\n\r\n");
            // A byte every 300 ms never pauses as long as the read time-out (1 s): only the request time-out ends it.
            connection.trickle("x", Duration.ofMillis(300));

            var answer = connection.readUntilClosed(Duration.ofSeconds(6));

            assertThat(answer.status()).isEqualTo(408);
            assertProblem(answer, 408, "request-timeout");
        }
    }

    @Test
    void answersABodyThatStopsWith408ProblemWithinTheReadTimeout() {
        try (var connection = RawHttpConnection.open(port)) {
            connection.send("POST /api/echo HTTP/1.1\r\nHost: shop\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 1000\r\n\r\nhalf a bo");

            var answer = connection.readUntilClosed(Duration.ofSeconds(4));

            assertProblem(answer, 408, "request-timeout");
        }
    }

    @Test
    void answersHeadersTooLargeWith431Problem() {
        try (var connection = RawHttpConnection.open(port)) {
            connection.send("GET /api/whoami HTTP/1.1\r\nHost: shop\r\nX-Padding: " + "a".repeat(20_000) + "\r\n\r\n");

            assertProblem(connection.readUntilClosed(Duration.ofSeconds(4)), 431, "request-header-fields-too-large");
        }
    }

    @Test
    void answersARequestLineTooLongWith414Problem() {
        try (var connection = RawHttpConnection.open(port)) {
            connection.send("GET /api/whoami?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: shop\r\n\r\n");

            assertProblem(connection.readUntilClosed(Duration.ofSeconds(4)), 414, "uri-too-long");
        }
    }

    @Test
    void answersARequestItCannotDecodeWith400Problem() {
        try (var connection = RawHttpConnection.open(port)) {
            connection.send("POST /api/echo HTTP/1.1\r\nHost: shop\r\nContent-Length: lots\r\n\r\n");

            assertProblem(connection.readUntilClosed(Duration.ofSeconds(4)), 400, "malformed-request");
        }
    }

    @Test
    void answersAHeadRequestWithHeadersTooLargeWithoutABody() {
        try (var connection = RawHttpConnection.open(port)) {
            connection.send("HEAD /api/whoami HTTP/1.1\r\nHost: shop\r\nX-Padding: " + "a".repeat(20_000) + "\r\n\r\n");

            var answer = connection.readUntilClosed(Duration.ofSeconds(4));

            assertThat(answer.status()).isEqualTo(431);
        }
    }

    @Test
    void keepsAnEventStreamOpenThroughQuietSpellsLongerThanEveryTimeout() {
        List<String> ticks = WebClient.create("http://127.0.0.1:" + port).get().uri("/api/ticks")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve()
                .bodyToFlux(String.class)
                .take(4)
                .collectList()
                .block(Duration.ofSeconds(15));

        // Four events span 4.5 s: past the idle (1 s), read (1 s) and request (2 s) time-outs.
        assertThat(ticks).containsExactly("tick 0", "tick 1", "tick 2", "tick 3");
    }

    @Test
    void ignoresTheForwardedAddressAClientThatIsNotATrustedProxySends() {
        try (var connection = RawHttpConnection.open(port)) {
            connection.send("GET /api/whoami HTTP/1.1\r\nHost: shop\r\nX-Forwarded-For: 203.0.113.9\r\n"
                    + "Connection: close\r\n\r\n");

            var answer = connection.readUntilClosed(Duration.ofSeconds(4));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(JsonPath.<String>read(answer.body(), "$.address")).isEqualTo("127.0.0.1");
        }
    }

    private static void assertProblem(RawHttpConnection.Answer answer, int status, String type) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.headers()).containsEntry("content-type", MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(JsonPath.<String>read(answer.body(), "$.type")).isEqualTo(ProblemResponses.TYPE_BASE + type);
        assertThat(JsonPath.<Integer>read(answer.body(), "$.status")).isEqualTo(status);
        assertThat(JsonPath.<String>read(answer.body(), "$.title")).isNotBlank();
        assertThat(JsonPath.<String>read(answer.body(), "$.detail")).isNotBlank();
    }
}
