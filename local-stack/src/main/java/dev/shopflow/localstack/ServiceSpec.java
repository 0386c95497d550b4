package dev.shopflow.localstack;

import java.util.List;
import java.util.Optional;

/**
 * One service of the stack: its module (which is also its name), default port, database and whether it needs Kafka.
 *
 * @param database the database the service owns, or {@code null} for none
 */
public record ServiceSpec(String name, int defaultPort, String database, boolean usesKafka) {

    /** The public entry, in front of the others. */
    public static final ServiceSpec GATEWAY = new ServiceSpec("gateway", 8080, null, false);

    /** Every service, the gateway first. */
    public static final List<ServiceSpec> ALL = List.of(
            GATEWAY,
            new ServiceSpec("auth-service", 8081, "auth", false),
            new ServiceSpec("catalog-service", 8082, "catalog", true),
            new ServiceSpec("order-service", 8083, "orders", true),
            new ServiceSpec("payment-service", 8084, "payments", true));

    /** The service with this name, also accepting it without the {@code -service} suffix ({@code order}). */
    public static Optional<ServiceSpec> named(String name) {
        return ALL.stream()
                .filter(service -> service.name().equals(name) || service.name().equals(name + "-service"))
                .findFirst();
    }

    /** Names for messages: {@code gateway, auth-service, ...}. */
    public static String names() {
        return String.join(", ", ALL.stream().map(ServiceSpec::name).toList());
    }
}
