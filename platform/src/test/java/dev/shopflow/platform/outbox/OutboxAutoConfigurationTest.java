package dev.shopflow.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.platform.testsupport.TestPostgres;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration;
import org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

class OutboxAutoConfigurationTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, DataR2dbcAutoConfiguration.class,
                    R2dbcTransactionManagerAutoConfiguration.class, KafkaAutoConfiguration.class, OutboxAutoConfiguration.class))
            .withPropertyValues(
                    "spring.application.name=order-service",
                    "spring.r2dbc.url=r2dbc:postgresql://" + TestPostgres.server().host() + ":" + TestPostgres.server().port() + "/postgres",
                    "spring.r2dbc.username=" + TestPostgres.server().user(),
                    "spring.kafka.producer.acks=1",
                    "spring.kafka.producer.properties.enable.idempotence=false");

    @Test
    void givesAServiceThatAsksForItAnOutboxAndARelayWithSafeDeliverySettings() {
        service.withPropertyValues("shopflow.outbox.enabled=true", "shopflow.outbox.batch-size=50").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Outbox.class).hasSingleBean(OutboxRelay.class);
            var producer = context.getBean("outboxProducerFactory", DefaultKafkaProducerFactory.class).getConfigurationProperties();
            assertThat(producer).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                    .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            assertThat(context.getBean(OutboxProperties.class).batchSize()).isEqualTo(50);
        });
    }

    @Test
    void staysOutOfAServiceThatPublishesNothing() {
        service.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Outbox.class).doesNotHaveBean(OutboxRelay.class));
    }

    @Test
    void refusesABatchSizeOutOfRange() {
        service.withPropertyValues("shopflow.outbox.enabled=true", "shopflow.outbox.batch-size=0")
                .run(context -> assertThat(context).hasFailed());
    }
}
