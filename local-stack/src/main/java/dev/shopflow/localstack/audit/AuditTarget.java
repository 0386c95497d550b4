package dev.shopflow.localstack.audit;

import dev.shopflow.platform.postgres.PostgresServer;
import java.util.Objects;

/**
 * Where a stack keeps what the audit reads.
 *
 * @param postgres              the server of the services' databases
 * @param catalogDatabase       catalog-service's database (products, stock, reservations)
 * @param ordersDatabase        order-service's database (orders, their lines and timeline)
 * @param paymentsDatabase      payment-service's database (payments, refunds)
 * @param kafkaBootstrapServers the broker holding the dead-letter topics
 */
public record AuditTarget(PostgresServer postgres, String catalogDatabase, String ordersDatabase,
        String paymentsDatabase, String kafkaBootstrapServers) {

    public AuditTarget {
        Objects.requireNonNull(postgres, "postgres");
        Objects.requireNonNull(catalogDatabase, "catalogDatabase");
        Objects.requireNonNull(ordersDatabase, "ordersDatabase");
        Objects.requireNonNull(paymentsDatabase, "paymentsDatabase");
        Objects.requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers");
    }

    @Override
    public String toString() {
        return "databases " + catalogDatabase + ", " + ordersDatabase + ", " + paymentsDatabase + " on "
                + postgres.user() + "@" + postgres.host() + ":" + postgres.port() + "; Kafka " + kafkaBootstrapServers;
    }
}
