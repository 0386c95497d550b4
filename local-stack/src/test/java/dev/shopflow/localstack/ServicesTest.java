package dev.shopflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.platform.postgres.PostgresServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment that connects each service to the rest of the stack. */
class ServicesTest {

    @TempDir
    Path home;

    private ServiceLaunch launchOf(String name) {
        var settings = StackSettings.fromEnvironment(home, Map.of("SHOPFLOW_ADMIN_PASSWORD", "an admin passphrase"));
        var secrets = StackSecrets.resolve(settings.environment(), settings.stateDirectory());
        return new Services(settings).launchOf(ServiceSpec.named(name).orElseThrow(),
                PostgresServer.existing("127.0.0.1", 5432, "postgres", ""), "127.0.0.1:9092", secrets);
    }

    @Test
    void servesEachServicesHealthAndMetricsOnItsManagementPort() {
        assertThat(launchOf("gateway").environment()).containsEntry("SERVER_PORT", "8080")
                .containsEntry("MANAGEMENT_PORT", "9080");
        assertThat(launchOf("order-service").environment()).containsEntry("SERVER_PORT", "8083")
                .containsEntry("MANAGEMENT_PORT", "9083");
    }

    @Test
    void letsTheServicesBelieveTheAddressTheGatewayForwardsFromLoopbackOnly() {
        for (String service : new String[] {"auth-service", "catalog-service", "order-service", "payment-service"}) {
            assertThat(launchOf(service).environment()).containsEntry("SHOPFLOW_WEB_TRUSTED_PROXIES", "127.0.0.1,::1");
        }
    }

    @Test
    void letsTheGatewayTrustNoProxyBecauseItsPeerIsTheClient() {
        assertThat(launchOf("gateway").environment()).doesNotContainKey("SHOPFLOW_WEB_TRUSTED_PROXIES");
    }
}
