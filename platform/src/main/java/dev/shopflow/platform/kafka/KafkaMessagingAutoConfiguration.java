package dev.shopflow.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

/**
 * Kafka wiring every Shopflow service shares: its declared topics with their dead-letter topics, the listeners'
 * error handler (bounded retries, then the dead-letter topic) and {@link DeadLetters} to list and replay them.
 * Boot's listener container factory picks up the error handler.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBean(KafkaAdmin.class)
@EnableConfigurationProperties(KafkaSettings.class)
public class KafkaMessagingAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics shopflowTopics(KafkaSettings settings) {
        return new KafkaAdmin.NewTopics(topicsToDeclare(settings).toArray(NewTopic[]::new));
    }

    /** Each configured topic, followed by its dead-letter topic with as many partitions (a dead letter keeps its partition). */
    static java.util.List<NewTopic> topicsToDeclare(KafkaSettings settings) {
        return settings.topics().stream()
                .flatMap(topic -> java.util.stream.Stream.of(
                        new NewTopic(topic.name(), topic.partitions(), settings.replicationFactor()),
                        new NewTopic(DeadLetterTopics.of(topic.name()), topic.partitions(), settings.replicationFactor())))
                .toList();
    }

    /**
     * Lists and replays dead letters, and writes them. Its producer writes text as text and the original bytes of a
     * record that was not readable; it is not a {@code KafkaTemplate} bean, which would displace Boot's own.
     */
    @Bean
    DeadLetters deadLetters(KafkaProperties kafka) {
        Map<Class<?>, Serializer<?>> byType = Map.of(String.class, new StringSerializer(), byte[].class, new ByteArraySerializer());
        var producers = new DefaultKafkaProducerFactory<Object, Object>(ReliableProducer.settings(kafka, "dead-letters"),
                new DelegatingByTypeSerializer(byType), new DelegatingByTypeSerializer(byType));
        return new DeadLetters(kafka.buildConsumerProperties(), new KafkaTemplate<>(producers));
    }

    /**
     * Names each listener's consumers after the service and the topics they read ({@code order-service-inventory.v1-0})
     * rather than after the service alone: a service with two listeners would otherwise give two consumers one client
     * id, and the metrics of one (its lag, the partitions it holds) would hide the other's. A listener that names its
     * own client id prefix keeps it.
     */
    @Bean
    @ConditionalOnMissingBean(name = "shopflowConsumerClientIds")
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> shopflowConsumerClientIds(
            KafkaProperties kafka) {
        return container -> {
            var properties = container.getContainerProperties();
            String[] topics = properties.getTopics();
            String service = kafka.getClientId();
            if ((properties.getClientId() == null || properties.getClientId().isEmpty()) && service != null
                    && topics != null && topics.length > 0) {
                properties.setClientId(service + "-" + String.join("-", topics));
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler deadLetterErrorHandler(DeadLetters deadLetters, KafkaSettings settings,
            ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            // At zero from the start, so that a dashboard shows "none yet" rather than "no data".
            settings.consumedTopics().forEach(topic -> registry.counter("shopflow.kafka.dead.letters", "topic", topic));
        }
        Consumer<String> count = registry == null ? topic -> { }
                : topic -> registry.counter("shopflow.kafka.dead.letters", "topic", topic).increment();
        return DeadLetterTopics.errorHandler(deadLetters.publisher(), settings.retries(), settings.firstRetry(),
                settings.maxBackOff(), count);
    }
}
