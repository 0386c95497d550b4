package dev.shopflow.gateway.ratelimit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * The Redis the Redis-backed tests use, found as the tests find PostgreSQL: {@code SHOPFLOW_REDIS_URL} when set,
 * else a server answering on 127.0.0.1:6379 (CI starts one), else a container when Docker is available. With none
 * of them, those tests are reported as skipped, saying why.
 */
final class TestRedis {

    private static final Optional<String> URL = resolve();

    private TestRedis() {
    }

    static boolean available() {
        return URL.isPresent();
    }

    static String url() {
        return URL.orElseThrow(() -> new IllegalStateException("No Redis: set SHOPFLOW_REDIS_URL, run one on "
                + "127.0.0.1:6379 (redis-server), or start Docker"));
    }

    private static Optional<String> resolve() {
        String configured = System.getenv("SHOPFLOW_REDIS_URL");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured);
        }
        if (answers("127.0.0.1", 6379)) {
            return Optional.of("redis://127.0.0.1:6379");
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            var redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
            redis.start();
            return Optional.of("redis://" + redis.getHost() + ":" + redis.getMappedPort(6379));
        }
        return Optional.empty();
    }

    private static boolean answers(String host, int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException nothingThere) {
            return false;
        }
    }
}
