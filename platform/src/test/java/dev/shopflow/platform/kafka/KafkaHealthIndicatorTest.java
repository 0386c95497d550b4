package dev.shopflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

class KafkaHealthIndicatorTest {

    @Test
    void isUpWithTheClusterIdWhenTheBrokerAnswers() {
        var broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        try (var admin = AdminClient.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
            var health = new KafkaHealthIndicator(admin, Duration.ofSeconds(5)).health().block();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("brokers", 1).containsKey("clusterId");
        } finally {
            broker.destroy();
        }
    }

    @Test
    void isDownWithinItsTimeoutWhenNoBrokerAnswers() {
        try (var admin = AdminClient.create(Map.of("bootstrap.servers", "127.0.0.1:1", "reconnect.backoff.max.ms", "200"))) {
            long began = System.nanoTime();
            var health = new KafkaHealthIndicator(admin, Duration.ofSeconds(1)).health().block();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
