package dev.shopflow.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.gateway.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Flux;

/** A body over the limit (1 KB here) is refused with a 413 problem and never reaches the service. */
@TestPropertySource(properties = "shopflow.gateway.max-request-size=1KB")
class RequestSizeLimitTest extends GatewayTest {

    @Test
    void refusesABodyWhoseLengthIsOverTheLimit() {
        int before = services.order.received().size();

        web.post().uri("/api/cart/items").contentType(MediaType.APPLICATION_JSON).bodyValue(new byte[1025]).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/request-too-large")
                .jsonPath("$.detail").isEqualTo("The request body is larger than the 1 KB this API accepts.");

        assertThat(services.order.received()).hasSize(before);
    }

    @Test
    void refusesAChunkedBodyOnceItGrowsOverTheLimit() {
        int before = services.order.received().size();

        asCustomer().post().uri("/api/cart/items").contentType(MediaType.APPLICATION_JSON).body(chunks(3, 512), DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/request-too-large");

        assertThat(services.order.received()).hasSize(before);
    }

    @Test
    void forwardsBodiesUpToTheLimitWhole() {
        var web = asCustomer();
        web.post().uri("/api/cart/items").contentType(MediaType.APPLICATION_JSON).bodyValue(new byte[1024]).exchange()
                .expectStatus().isOk();
        assertThat(services.order.lastReceived().bodyBytes()).isEqualTo(1024);

        web.post().uri("/api/cart/items").contentType(MediaType.APPLICATION_JSON).body(chunks(2, 512), DataBuffer.class)
                .exchange()
                .expectStatus().isOk();
        assertThat(services.order.lastReceived().bodyBytes()).isEqualTo(1024);
    }

    @Test
    void leavesMalformedJsonToTheServiceThatReadsIt() {
        services.catalog.answer((request, response) -> response.status(400).send());

        asCustomer().post().uri("/api/catalog/products").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": ")
                .exchange()
                .expectStatus().isBadRequest();

        assertThat(services.catalog.lastReceived().bodyBytes()).isEqualTo("{\"name\": ".length());
    }

    /** A body sent without a length, in {@code count} pieces of {@code size} bytes. */
    private static Flux<DataBuffer> chunks(int count, int size) {
        return Flux.range(0, count).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[size]));
    }
}
