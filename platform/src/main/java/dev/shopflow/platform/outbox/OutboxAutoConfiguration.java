package dev.shopflow.platform.outbox;

import dev.shopflow.platform.kafka.ReliableProducer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.ConnectionFactory;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox and its relay in a service that sets {@code shopflow.outbox.enabled=true}. The relay has a producer
 * of its own with {@link ReliableProducer} settings, so a broker that is down holds a relay transaction for
 * seconds, not minutes.
 */
@AutoConfiguration(after = {R2dbcAutoConfiguration.class, R2dbcTransactionManagerAutoConfiguration.class, KafkaAutoConfiguration.class})
@ConditionalOnClass({DatabaseClient.class, KafkaTemplate.class, PostgresqlConnection.class})
@ConditionalOnProperty(prefix = "shopflow.outbox", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    Outbox outbox(DatabaseClient database, ObjectProvider<JsonMapper> json, ObjectProvider<OutboxTracing> tracing) {
        // The service's mapper (Boot's JsonMapper bean), so that payloads read as its web answers do.
        return new Outbox(database, json.getIfAvailable(() -> JsonMapper.builder().build()),
                tracing.getIfAvailable(() -> OutboxTracing.NONE));
    }

    @Bean
    DefaultKafkaProducerFactory<String, String> outboxProducerFactory(KafkaProperties kafka) {
        return new DefaultKafkaProducerFactory<>(ReliableProducer.settings(kafka, "outbox-relay"),
                new StringSerializer(), new StringSerializer());
    }

    @Bean
    OutboxRelay outboxRelay(ConnectionFactory connectionFactory, ReactiveTransactionManager transactionManager,
            DefaultKafkaProducerFactory<String, String> outboxProducerFactory, OutboxProperties properties,
            ObjectProvider<MeterRegistry> meters, ObjectProvider<OutboxTracing> tracing,
            @Value("${spring.application.name}") String serviceName) {
        // Spring's own operator, cancelled when the relay stops: a batch stopped mid-way is rolled back at once and
        // published again by the final drain (its one stray statement could only mark rows sent that Kafka has
        // acknowledged), where one run to its end would hold its rows' locks past the drain (ADR 0029).
        return new OutboxRelay(connectionFactory, TransactionalOperator.create(transactionManager),
                new KafkaTemplate<>(outboxProducerFactory), properties, "/shopflow/" + serviceName,
                meters.getIfAvailable(SimpleMeterRegistry::new), tracing.getIfAvailable(() -> OutboxTracing.NONE));
    }

    /** Trace context across Kafka, in a service that has Micrometer Tracing with a tracer (Brave or OpenTelemetry). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tracer.class)
    static class TracingConfiguration {

        @Bean
        OutboxTracing outboxTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
            Tracer found = tracer.getIfAvailable();
            Propagator propagation = propagator.getIfAvailable();
            return found == null || propagation == null ? OutboxTracing.NONE : new MicrometerOutboxTracing(found, propagation);
        }
    }
}
