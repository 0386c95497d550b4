package dev.shopflow.platform.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Producer settings for platform's own producers (the outbox relay, dead letters): the service's Kafka settings
 * (servers, security), with delivery settings that are not left to configuration — every replica acknowledges,
 * retries cannot duplicate or reorder ({@code enable.idempotence}), and a broker that is down makes a send fail in
 * seconds rather than block for minutes.
 */
public final class ReliableProducer {

    private ReliableProducer() {
    }

    public static Map<String, Object> settings(KafkaProperties kafka, String clientId) {
        var config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return config;
    }
}
