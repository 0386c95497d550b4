package dev.shopflow.localstack.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AuditSettingsTest {

    @Test
    void theDefaultsAreOrderServicesOwn() throws Exception {
        String configuration = Files.readString(ShopStores.projectHome()
                .resolve("order-service/src/main/resources/application.yml"));

        assertThat(AuditSettings.DEFAULT_ORDER_DEADLINE).isEqualTo(defaultOf(configuration, "deadline", "ORDER_DEADLINE"));
        assertThat(AuditSettings.DEFAULT_SWEEP_INTERVAL)
                .isEqualTo(defaultOf(configuration, "sweep-interval", "ORDER_SWEEP_INTERVAL"));
    }

    @Test
    void readsTheTimeOutAsOrderServiceDoesWithSpringsOwnNameWinning() {
        assertThat(AuditSettings.forOrderService(Map.of()).orderDeadline()).isEqualTo(Duration.ofMinutes(15));
        assertThat(AuditSettings.forOrderService(Map.of("ORDER_DEADLINE", "90s")).orderDeadline())
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(AuditSettings.forOrderService(Map.of("ORDER_DEADLINE", "90s", "SHOPFLOW_ORDERING_DEADLINE", "PT2M"))
                .orderDeadline()).isEqualTo(Duration.ofMinutes(2));
        assertThat(AuditSettings.forOrderService(Map.of("ORDER_SWEEP_INTERVAL", "500")).sweepInterval())
                .isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void refusesATimeOutThatIsNotADuration() {
        assertThatThrownBy(() -> AuditSettings.forOrderService(Map.of("ORDER_DEADLINE", "soon")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ORDER_DEADLINE: Not a duration: 'soon' (write it like 30s, 2m or PT1M)");
    }

    private static Duration defaultOf(String configuration, String property, String variable) {
        var matcher = Pattern.compile(property + ": \\$\\{" + variable + ":([^}]+)}").matcher(configuration);
        assertThat(matcher.find()).as(property + " in order-service's application.yml").isTrue();
        return AuditSettings.parse(matcher.group(1));
    }
}
