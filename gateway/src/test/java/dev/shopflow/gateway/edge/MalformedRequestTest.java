package dev.shopflow.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.shopflow.gateway.GatewayTest;
import dev.shopflow.platform.testsupport.RawHttpConnection;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

/**
 * Requests no well-behaved client sends, written byte for byte on a socket: the gateway refuses each with a 4xx
 * problem (RFC 9457, with a type, title and status) and never answers 500 — also where Reactor Netty refuses the
 * request before Spring sees it (headers too large, a request line too long, a length it cannot read). Whether a
 * body is malformed JSON is for the service that reads it to say.
 */
class MalformedRequestTest extends GatewayTest {

    static Stream<Arguments> malformedRequests() {
        String huge = "x".repeat(20_000);
        return Stream.of(
                Arguments.of("GET /api/catalog/%zz HTTP/1.1\r\nHost: gw\r\n\r\n", 400),
                Arguments.of("GET /api/catalog/products?q=%E0%A4%A HTTP/1.1\r\nHost: gw\r\n\r\n", 400),
                Arguments.of("POST /api/cart/items HTTP/1.1\r\nHost: gw\r\nContent-Length: twelve\r\n\r\n{}", 400),
                Arguments.of("POST /api/cart/items HTTP/1.1\r\nHost: gw\r\nContent-Length: -5\r\n\r\n{}", 400),
                // Any 4xx: the gateway forwards the body as it comes, and the service decides.
                Arguments.of("POST /api/cart/items HTTP/1.1\r\nHost: gw\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "zz\r\n{}\r\n0\r\n\r\n", 0),
                Arguments.of("GET /api/cart HTTP/1.1\r\nHost: gw\r\nX-Huge: " + huge + "\r\n\r\n", 431),
                Arguments.of("GET /api/catalog/products?q=" + huge + " HTTP/1.1\r\nHost: gw\r\n\r\n", 414));
    }

    @ParameterizedTest
    @MethodSource("malformedRequests")
    void refusesAMalformedRequestWithAProblemNeverA500(String request, int expectedStatus) {
        try (var connection = RawHttpConnection.open(port)) {
            connection.send(request);

            var answer = connection.readAnswer(Duration.ofSeconds(5));

            assertThat(answer.status()).as("status").isBetween(400, 499);
            if (expectedStatus != 0) {
                assertThat(answer.status()).as("status").isEqualTo(expectedStatus);
            }
            assertThat(answer.headers()).containsEntry("content-type", MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(JsonPath.<Integer>read(answer.body(), "$.status")).isEqualTo(answer.status());
            assertThat(JsonPath.<String>read(answer.body(), "$.title")).isNotBlank();
            if (expectedStatus == 414 || expectedStatus == 431) {
                // Refused by Reactor Netty before Spring sees the request; platform gives it a problem type too.
                assertThat(JsonPath.<String>read(answer.body(), "$.type")).startsWith("https://shopflow.dev/problems/");
            }
        }
    }

    @Test
    void refusesHeadersTooLargeOnTheManagementPortWithAProblemToo() {
        try (var connection = RawHttpConnection.open(managementPort)) {
            connection.send("GET /actuator/health HTTP/1.1\r\nHost: gw\r\nX-Huge: " + "x".repeat(20_000) + "\r\n\r\n");

            var answer = connection.readAnswer(Duration.ofSeconds(5));

            assertThat(answer.status()).isEqualTo(431);
            assertThat(answer.headers()).containsEntry("content-type", MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
    }
}
