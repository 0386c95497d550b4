package dev.shopflow.payment;

import dev.shopflow.platform.inbox.Inbox;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** payment-service: payments, refunds and the Stripe integration. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PaymentServiceApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Order events are applied once each, however often Kafka delivers them. */
    @Bean
    Inbox inbox(DatabaseClient database, TransactionalOperator transactions) {
        return new Inbox(database, transactions);
    }

    public static void main(String[] args) {
        SpringApplication.run(PaymentServiceApplication.class, args);
    }
}
