package dev.shopflow.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The {@link Inbox} of a service that has a database (its table comes from platform's {@code inbox.sql}), and, when
 * it has Kafka, {@link InboxBatches} for its batch listeners.
 */
@AutoConfiguration(after = TransactionAutoConfiguration.class,
        afterName = "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
@ConditionalOnClass({DatabaseClient.class, TransactionalOperator.class})
@ConditionalOnBean({DatabaseClient.class, TransactionalOperator.class})
public class InboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Inbox inbox(DatabaseClient database, TransactionalOperator transactions, ObjectProvider<MeterRegistry> meters) {
        return new Inbox(database, transactions, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** Batch listeners' transactions, in a service that consumes from Kafka. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(BatchListenerFailedException.class)
    static class BatchesConfiguration {

        @Bean
        @ConditionalOnMissingBean
        InboxBatches inboxBatches(TransactionalOperator transactions, ObjectProvider<ObservationRegistry> observations) {
            return new InboxBatches(transactions, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        }
    }
}
