package dev.shopflow.localstack.chaos;

import dev.shopflow.localstack.ServiceSpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One fault of a chaos run, named as {@code --faults} names it.
 *
 * @param name    a service's name, {@code kafka} or {@code postgres}
 * @param service the service killed and restarted; {@code null} for the broker and the database
 */
public record Fault(String name, ServiceSpec service) {

    /** The broker is stopped ({@code ./shopflow kill kafka}) and started again ({@code restart kafka}). */
    public static final Fault KAFKA = new Fault("kafka", null);
    /** Every connection of the stack to its databases is ended ({@code pg_terminate_backend}). */
    public static final Fault POSTGRES = new Fault("postgres", null);

    /**
     * Every fault, in the order a run injects them by default: the saga's services first (order, payment, catalog),
     * then the two in front of it (auth, gateway), then the broker, then the database.
     */
    public static final List<Fault> DEFAULT = List.of(service("order-service"), service("payment-service"),
            service("catalog-service"), service("auth-service"), service("gateway"), KAFKA, POSTGRES);

    /** The fault with this name: a service (also without {@code -service}), {@code kafka} or {@code postgres}. */
    public static Optional<Fault> named(String name) {
        if (name.equals(KAFKA.name())) {
            return Optional.of(KAFKA);
        }
        if (name.equals(POSTGRES.name())) {
            return Optional.of(POSTGRES);
        }
        return ServiceSpec.named(name).map(service -> new Fault(service.name(), service));
    }

    /**
     * The order states in which an order is waiting for what this fault breaks, so that the run strikes while an order
     * is in the middle of its saga there: catalog holds orders PENDING (reserving stock), payment holds them
     * AWAITING_PAYMENT; the others, any open order.
     */
    Set<String> sagaStates() {
        if (service == null) {
            return Set.of("PENDING", "AWAITING_PAYMENT");
        }
        return switch (service.name()) {
            case "catalog-service" -> Set.of("PENDING");
            case "payment-service" -> Set.of("AWAITING_PAYMENT");
            default -> Set.of("PENDING", "AWAITING_PAYMENT");
        };
    }

    private static Fault service(String name) {
        return named(name).orElseThrow();
    }

    /** {@code gateway, auth-service, ..., kafka, postgres} for messages. */
    static String names() {
        return ServiceSpec.names() + ", kafka, postgres";
    }
}
