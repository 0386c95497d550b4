package dev.shopflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ServiceSettingsTest {

    @Test
    void readsThePlaceholdersOfAServiceAndOfPlatformsDefaults() {
        var orders = ServiceSettings.of("order-service");

        assertThat(orders.names()).contains("DB_NAME", "ORDER_DEADLINE", "DB_HOST", "KAFKA_BOOTSTRAP_SERVERS", "SERVER_PORT");
        assertThat(orders.all()).contains(new ServiceSettings.Setting("DB_NAME", "DB_NAME", Optional.of("orders")));
    }

    @Test
    void aDottedPlaceholderIsReadFromItsRelaxedEnvironmentName() {
        var orders = ServiceSettings.of("order-service");

        assertThat(orders.all()).contains(new ServiceSettings.Setting(
                "SERVICES_CATALOG_URI", "services.catalog.uri", Optional.of("http://127.0.0.1:8082")));
    }

    @Test
    void placeholdersInsideDefaultsAreFoundToo() {
        var gateway = ServiceSettings.of("gateway");

        assertThat(gateway.names()).contains("JWT_JWKS_URI", "SERVICES_AUTH_URI");
    }

    @Test
    void whatALocalDefaultPointsAtMustBeSetOutsideThisMachine() {
        var gateway = ServiceSettings.of("gateway");

        assertThat(gateway.mustBeSetOutsideThisMachine())
                .contains("SERVICES_ORDER_URI", "JWT_JWKS_URI", "SERVER_ADDRESS", "SHOPFLOW_CORS_ALLOWED_ORIGINS",
                        "SPRING_DATA_REDIS_HOST")
                .doesNotContain("DB_NAME", "SERVER_PORT", "GATEWAY_TIME_LIMIT");
    }

    @Test
    void aPlaceholderNamingAPropertyTheFilesDefineIsNoEnvironmentVariable() {
        var payments = ServiceSettings.of("payment-service");

        assertThat(payments.names()).doesNotContain("SPRING_APPLICATION_NAME", "SHOPFLOW_DATABASE_HOST", "SHOPFLOW_DATABASE_NAME")
                .contains("DB_HOST", "DB_NAME");
        assertThat(payments.mustBeSetOutsideThisMachine()).doesNotContain("SPRING_APPLICATION_NAME", "SHOPFLOW_DATABASE_HOST");
    }

    @Test
    void aServiceReadsPlatformsSettingsOnlyForTheTechnologiesItUses() {
        assertThat(ServiceSettings.of("gateway").names()).doesNotContain("DB_HOST", "KAFKA_BOOTSTRAP_SERVERS");
        assertThat(ServiceSettings.of("auth-service").names()).contains("DB_HOST").doesNotContain("KAFKA_BOOTSTRAP_SERVERS");
        assertThat(ServiceSettings.of("payment-service").mustBeSetOutsideThisMachine())
                .contains("DB_HOST", "KAFKA_BOOTSTRAP_SERVERS", "JWT_JWKS_URI", "SERVER_ADDRESS");
    }

    @Test
    void theEnvironmentNameOfAPropertyFollowsRelaxedBinding() {
        assertThat(ServiceSettings.environmentName("services.payment.uri")).isEqualTo("SERVICES_PAYMENT_URI");
        assertThat(ServiceSettings.environmentName("spring.kafka.bootstrap-servers")).isEqualTo("SPRING_KAFKA_BOOTSTRAPSERVERS");
    }

    @Test
    void everyServiceHasSettings() {
        for (var service : ServiceSettings.SERVICES) {
            assertThat(ServiceSettings.of(service).names()).as(service).contains("SERVER_PORT", "MANAGEMENT_PORT");
        }
    }
}
