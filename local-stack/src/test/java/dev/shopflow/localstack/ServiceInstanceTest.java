package dev.shopflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How instances of a service are named, where they listen, and how the stack finds its further ones. */
class ServiceInstanceTest {

    @TempDir
    Path home;

    private static ServiceSpec service(String name) {
        return ServiceSpec.named(name).orElseThrow();
    }

    @Test
    void namesTheFirstInstanceAfterItsServiceAndTheOthersWithTheirNumber() {
        assertThat(ServiceInstance.first(service("order-service")).name()).isEqualTo("order-service");
        assertThat(new ServiceInstance(service("order-service"), 2).name()).isEqualTo("order-service-2");
    }

    @Test
    void findsAnInstanceByItsNameTheShortNameOrTheFirstsNumber() {
        assertThat(ServiceInstance.named("order-service")).hasValue(ServiceInstance.first(service("order-service")));
        assertThat(ServiceInstance.named("order")).hasValue(ServiceInstance.first(service("order-service")));
        assertThat(ServiceInstance.named("order-service-1")).hasValue(ServiceInstance.first(service("order-service")));
        assertThat(ServiceInstance.named("payment-service-2")).hasValue(new ServiceInstance(service("payment-service"), 2));
        assertThat(ServiceInstance.named("payment-3")).hasValue(new ServiceInstance(service("payment-service"), 3));
    }

    @Test
    void knowsNoInstanceOfAnUnknownServiceNoNumberOutOfRangeAndNoSecondGateway() {
        assertThat(ServiceInstance.named("billing-2")).isEmpty();
        assertThat(ServiceInstance.named("order-service-0")).isEmpty();
        assertThat(ServiceInstance.named("order-service-10")).isEmpty();
        assertThat(ServiceInstance.named("order-service-99999999999")).isEmpty();
        assertThat(ServiceInstance.named("gateway-2")).isEmpty();
        assertThat(ServiceInstance.named("gateway-1")).hasValue(ServiceInstance.first(ServiceSpec.GATEWAY));
        assertThatThrownBy(() -> new ServiceInstance(ServiceSpec.GATEWAY, 2)).hasMessageContaining("runs one instance");
    }

    @Test
    void putsEachFurtherInstanceAHundredPortsAboveThePreviousUnlessToldOtherwise() {
        var settings = StackSettings.fromEnvironment(home, Map.of(
                "SHOPFLOW_PAYMENT_SERVICE_PORT", "21084", "SHOPFLOW_PAYMENT_SERVICE_MANAGEMENT_PORT", "22084",
                "SHOPFLOW_ORDER_SERVICE_2_PORT", "30000", "SHOPFLOW_ORDER_SERVICE_2_MANAGEMENT_PORT", "30001"));

        var secondOrder = new ServiceInstance(service("order-service"), 2);
        var thirdOrder = new ServiceInstance(service("order-service"), 3);
        var secondPayment = new ServiceInstance(service("payment-service"), 2);

        assertThat(ServiceInstance.first(service("order-service")).port(settings)).isEqualTo(8083);
        assertThat(secondOrder.port(settings)).isEqualTo(30000);
        assertThat(secondOrder.managementPort(settings)).isEqualTo(30001);
        assertThat(thirdOrder.port(settings)).isEqualTo(8283);
        assertThat(thirdOrder.managementPort(settings)).isEqualTo(9283);
        assertThat(secondPayment.port(settings)).isEqualTo(21184);
        assertThat(secondPayment.managementPort(settings)).isEqualTo(22184);
        assertThat(secondOrder.portVariable()).isEqualTo("SHOPFLOW_ORDER_SERVICE_2_PORT");
        assertThat(ServiceInstance.first(service("order-service")).managementPortVariable())
                .isEqualTo("SHOPFLOW_ORDER_SERVICE_MANAGEMENT_PORT");
    }

    @Test
    void refusesAPortSettingThatIsNoNumber() {
        var settings = StackSettings.fromEnvironment(home, Map.of("SHOPFLOW_ORDER_SERVICE_2_PORT", "high"));

        assertThatThrownBy(() -> new ServiceInstance(service("order-service"), 2).port(settings))
                .hasMessage("SHOPFLOW_ORDER_SERVICE_2_PORT must be a number, not 'high'");
    }

    @Test
    void findsTheStacksFurtherInstancesByTheirLaunchAndPidFilesInServiceOrder() throws Exception {
        var settings = StackSettings.fromEnvironment(home, Map.of());
        Path run = Files.createDirectories(settings.runDirectory());
        for (String file : new String[] {"payment-service-2.launch", "order-service-3.pid", "order-service-2.launch",
                "order-service-2.pid", "order-service.launch", "launcher.pid", "gateway-2.pid", "billing-2.pid",
                "order-service-2.launch.tmp", "catalog-service-12.pid"}) {
            Files.writeString(run.resolve(file), "");
        }

        assertThat(ServiceInstance.extrasIn(settings)).extracting(ServiceInstance::name)
                .containsExactly("order-service-2", "order-service-3", "payment-service-2");
        assertThat(ServiceInstance.allIn(settings)).extracting(ServiceInstance::name).containsExactly(
                "gateway", "auth-service", "catalog-service", "order-service", "order-service-2", "order-service-3",
                "payment-service", "payment-service-2");
    }
}
