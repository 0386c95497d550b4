package dev.shopflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A further instance is its service's first, on ports of its own. */
class ExtraInstancesTest {

    @TempDir
    Path home;

    private final ServiceSpec orders = ServiceSpec.named("order-service").orElseThrow();

    @Test
    void startsAFurtherInstanceAsTheFirstWasOnItsOwnPortsAndUnderItsOwnName() {
        var settings = StackSettings.fromEnvironment(home, Map.of());
        var first = new ServiceLaunch(List.of("java", "-Xmx160m", "-Dshopflow.service=order-service", "-jar", "order-service.jar"),
                Map.of("SERVER_PORT", "8083", "MANAGEMENT_PORT", "9083", "DB_NAME", "orders", "KAFKA_BOOTSTRAP_SERVERS",
                        "127.0.0.1:9092", "ORDER_DEADLINE", "20s"));

        var second = ExtraInstances.launchOf(new ServiceInstance(orders, 2), first, settings);

        assertThat(second.command()).containsExactly("java", "-Xmx160m", "-Dshopflow.service=order-service-2", "-jar",
                "order-service.jar");
        assertThat(second.environment()).containsEntry("SERVER_PORT", "8183").containsEntry("MANAGEMENT_PORT", "9183")
                .containsEntry("DB_NAME", "orders").containsEntry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("ORDER_DEADLINE", "20s");
    }

    @Test
    void refusesAPortThatAnotherServiceOfTheStackIsGiven() {
        var settings = StackSettings.fromEnvironment(home, Map.of("SHOPFLOW_ORDER_SERVICE_2_PORT", "8084"));
        var extras = new ExtraInstances(settings, new Services(settings), line -> { });

        assertThatThrownBy(() -> extras.requireFreePorts(List.of(new ServiceInstance(orders, 2))))
                .isInstanceOf(StackFailure.class)
                .hasMessage("Port 8084 would serve both payment-service and order-service-2. Choose another one for"
                        + " order-service-2 with SHOPFLOW_ORDER_SERVICE_2_PORT.");
    }

    @Test
    void refusesAPortAnotherProgramUses() throws Exception {
        try (var busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress("127.0.0.1", 0));
            var settings = StackSettings.fromEnvironment(home, Map.of(
                    "SHOPFLOW_PAYMENT_SERVICE_2_MANAGEMENT_PORT", String.valueOf(busy.getLocalPort()),
                    "SHOPFLOW_PAYMENT_SERVICE_2_PORT", "0"));
            var extras = new ExtraInstances(settings, new Services(settings), line -> { });

            assertThatThrownBy(() -> extras.requireFreePorts(List.of(
                    new ServiceInstance(ServiceSpec.named("payment-service").orElseThrow(), 2))))
                    .hasMessage("Port " + busy.getLocalPort() + " (payment-service-2) is already in use by another program."
                            + " Stop that program, or choose another port with SHOPFLOW_PAYMENT_SERVICE_2_MANAGEMENT_PORT.");
        }
    }
}
