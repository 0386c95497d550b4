package dev.shopflow.platform.kafka;

import java.time.Duration;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Mono;

/**
 * UP when the Kafka cluster answers a metadata request within the timeout; part of the readiness group of every
 * service that uses Kafka, so a service without its broker is taken out of rotation.
 */
public class KafkaHealthIndicator extends AbstractReactiveHealthIndicator {

    private final AdminClient admin;
    private final Duration timeout;

    public KafkaHealthIndicator(AdminClient admin, Duration timeout) {
        super("Kafka health check failed");
        this.admin = admin;
        this.timeout = timeout;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        Mono<String> clusterId = Mono.fromCompletionStage(cluster.clusterId().toCompletionStage());
        Mono<Integer> brokers = Mono.fromCompletionStage(cluster.nodes().toCompletionStage()).map(nodes -> nodes.size());
        return Mono.zip(clusterId, brokers)
                .timeout(timeout)
                .map(answer -> builder.up().withDetail("clusterId", answer.getT1()).withDetail("brokers", answer.getT2()).build());
    }
}
