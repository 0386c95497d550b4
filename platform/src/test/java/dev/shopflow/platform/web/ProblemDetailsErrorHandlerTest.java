package dev.shopflow.platform.web;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.test.web.reactive.server.MockServerConfigurer;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;

class ProblemDetailsErrorHandlerTest {

    private static WebTestClient failingWith(Throwable error) {
        WebHandler failing = exchange -> Mono.error(error);
        MockServerConfigurer withTheHandler = new MockServerConfigurer() {
            @Override
            public void beforeServerCreated(WebHttpHandlerBuilder builder) {
                builder.exceptionHandler(new ProblemDetailsErrorHandler(new ProblemResponses(ServerCodecConfigurer.create())));
            }
        };
        return WebTestClient.bindToWebHandler(failing).apply(withTheHandler).build();
    }

    @Test
    void answersAnUnexpectedFailureWithA500ProblemThatRevealsNoInternals() {
        failingWith(new IllegalStateException("pool exhausted at db-7.internal:5432"))
                .get().uri("/api/orders/42").exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(500)
                .jsonPath("$.title").isEqualTo("Internal Server Error")
                .jsonPath("$.instance").isEqualTo("/api/orders/42")
                .jsonPath("$.requestId").isNotEmpty()
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .doesNotContain("db-7").doesNotContain("IllegalState"));
    }

    @Test
    void answersAConnectionThatCannotBeMadeWithA503Problem() {
        failingWith(new RuntimeException("relay failed", new ConnectException("Connection refused: /127.0.0.1:8083")))
                .get().uri("/api/orders").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Service Unavailable")
                .jsonPath("$.detail").isEqualTo("A service needed to answer this request is not reachable. Try again shortly.");
    }

    @Test
    void keepsTheStatusAndReasonOfAClientError() {
        failingWith(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "Bodies are limited to 1 MB."))
                .post().uri("/api/cart/items").exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("Bodies are limited to 1 MB.");
    }
}
