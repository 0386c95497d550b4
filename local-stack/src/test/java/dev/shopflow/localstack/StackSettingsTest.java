package dev.shopflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    private final Path home = Path.of("/projects/shopflow");

    @Test
    void defaultsToTheDesignPortsDatabasesAndAnInProcessBroker() {
        var settings = StackSettings.fromEnvironment(home, Map.of());

        assertThat(settings.ports()).containsExactly(
                Map.entry("gateway", 8080), Map.entry("auth-service", 8081), Map.entry("catalog-service", 8082),
                Map.entry("order-service", 8083), Map.entry("payment-service", 8084));
        assertThat(settings.managementPorts()).containsExactly(
                Map.entry("gateway", 9080), Map.entry("auth-service", 9081), Map.entry("catalog-service", 9082),
                Map.entry("order-service", 9083), Map.entry("payment-service", 9084));
        assertThat(settings.databases()).containsValues("auth", "catalog", "orders", "payments").hasSize(4);
        assertThat(settings.kafkaBootstrapServers()).isNull();
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.stateDirectory()).isEqualTo(home.resolve(".shopflow"));
        assertThat(settings.jar(ServiceSpec.named("order").orElseThrow()))
                .isEqualTo(home.resolve("order-service/target/order-service.jar"));
    }

    @Test
    void takesPortsStateFolderDatabaseSuffixKafkaAndJvmOptionsFromTheEnvironment() {
        var settings = StackSettings.fromEnvironment(home, Map.of(
                "SHOPFLOW_ORDER_SERVICE_PORT", "9083",
                "SHOPFLOW_STATE_DIR", "/tmp/stack",
                "SHOPFLOW_DATABASE_SUFFIX", "_demo",
                "KAFKA_BOOTSTRAP_SERVERS", "broker:9092",
                "SHOPFLOW_JVM_OPTS", " -Xmx300m  -Dfoo=bar "));

        assertThat(settings.ports()).containsEntry("order-service", 9083).containsEntry("gateway", 8080);
        assertThat(settings.managementPorts()).containsEntry("order-service", 10083).containsEntry("gateway", 9080);
        assertThat(settings.stateDirectory()).isEqualTo(Path.of("/tmp/stack"));
        assertThat(settings.databases()).containsEntry("order-service", "orders_demo");
        assertThat(settings.kafkaBootstrapServers()).isEqualTo("broker:9092");
        assertThat(settings.jvmOptions()).endsWith("-Xmx300m", "-Dfoo=bar");
    }

    @Test
    void runsTheImagesJvmOptionsWithTheJitsFirstTierOnlyUnlessTheUserAsksForC2() {
        var settings = StackSettings.fromEnvironment(Path.of("/home"), Map.of());
        assertThat(settings.jvmOptions()).startsWith(StackSettings.DEFAULT_JVM_OPTIONS.toArray(String[]::new))
                .endsWith("-XX:TieredStopAtLevel=1");

        // The JVM takes the last occurrence of an option: the user's comes after the default.
        var withC2 = StackSettings.fromEnvironment(Path.of("/home"), Map.of("SHOPFLOW_JVM_OPTS", "-XX:TieredStopAtLevel=4"));
        assertThat(withC2.jvmOptions()).containsSubsequence("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4");
    }

    @Test
    void takesAManagementPortFromTheEnvironment() {
        var settings = StackSettings.fromEnvironment(home, Map.of("SHOPFLOW_GATEWAY_MANAGEMENT_PORT", "7070"));

        assertThat(settings.managementPort(ServiceSpec.GATEWAY)).isEqualTo(7070);
    }

    @Test
    void refusesAPortThatIsNotANumberNamingTheVariable() {
        assertThatThrownBy(() -> StackSettings.fromEnvironment(home, Map.of("SHOPFLOW_GATEWAY_PORT", "80a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SHOPFLOW_GATEWAY_PORT must be a number, not '80a'");
    }

    @Test
    void anIsolatedStackAlwaysRunsItsOwnBrokerOnAFreePort() {
        var settings = StackSettings.fromEnvironment(home, Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9092"))
                .isolated(Map.of("gateway", 1), Map.of("gateway", 2), Map.of(), Path.of("/tmp/x"));

        assertThat(settings.kafkaBootstrapServers()).isNull();
        assertThat(settings.kafkaPort()).isZero();
    }
}
