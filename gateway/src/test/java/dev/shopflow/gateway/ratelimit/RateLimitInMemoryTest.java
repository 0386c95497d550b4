package dev.shopflow.gateway.ratelimit;

import static dev.shopflow.gateway.FakeServices.clientFrom;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import dev.shopflow.platform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Without {@code spring.data.redis.url} the gateway counts in memory and leaves Redis alone: a listening socket
 * where Redis would be sees no connection, and health has no Redis component.
 */
class RateLimitInMemoryTest extends RateLimitContract {

    private static final ServerSocketChannel whereRedisWouldBe = listenOnLoopback();

    @DynamicPropertySource
    static void pointRedisHostAndPortAtAWatchedSocket(DynamicPropertyRegistry registry) throws IOException {
        var address = (InetSocketAddress) whereRedisWouldBe.getLocalAddress();
        registry.add("spring.data.redis.host", address::getHostString);
        registry.add("spring.data.redis.port", address::getPort);
    }

    @AfterAll
    static void closeWatchedSocket() throws IOException {
        whereRedisWouldBe.close();
    }

    @Test
    void neverConnectsToRedisNorReportsOnIt() throws IOException {
        var client = clientFrom("127.0.0.17", port);
        spend(client, 2);

        management().get().uri("/actuator/health")
                .headers(headers -> headers.setBearerAuth(TestTokens.admin()))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.ping.status").isEqualTo("UP")
                .jsonPath("$.components.redis").doesNotExist();
        assertThat(whereRedisWouldBe.accept()).as("a connection to where Redis would be").isNull();
    }

    private static ServerSocketChannel listenOnLoopback() {
        try {
            var channel = ServerSocketChannel.open();
            channel.bind(new InetSocketAddress("127.0.0.1", 0));
            channel.configureBlocking(false);
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
