package dev.shopflow.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The {@link Inbox} of a service that has a database (its table comes from platform's {@code inbox.sql}). */
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
}
