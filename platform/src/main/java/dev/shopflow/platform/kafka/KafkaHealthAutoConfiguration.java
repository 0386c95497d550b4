package dev.shopflow.platform.kafka;

import java.time.Duration;
import java.util.HashMap;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/** Registers the {@code kafka} health indicator in services that have Kafka configured. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass({KafkaAdmin.class, ReactiveHealthIndicator.class})
@ConditionalOnBean(KafkaAdmin.class)
public class KafkaHealthAutoConfiguration {

    @Bean(destroyMethod = "close")
    AdminClient kafkaHealthAdminClient(KafkaAdmin kafkaAdmin,
            @Value("${shopflow.kafka.health-timeout:3s}") Duration timeout) {
        var config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "health");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return AdminClient.create(config);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(AdminClient kafkaHealthAdminClient,
            @Value("${shopflow.kafka.health-timeout:3s}") Duration timeout) {
        return new KafkaHealthIndicator(kafkaHealthAdminClient, timeout);
    }
}
