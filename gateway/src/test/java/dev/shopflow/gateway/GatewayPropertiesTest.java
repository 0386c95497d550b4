package dev.shopflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.gateway.GatewayProperties.Policy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/** Settings that cannot work stop the gateway at start-up, with the setting named. */
class GatewayPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class)
            .withPropertyValues(
                    "shopflow.gateway.max-request-size=1MB",
                    "shopflow.gateway.rate-limit.key-prefix=shopflow",
                    "shopflow.gateway.rate-limit.policies.api.requests=100",
                    "shopflow.gateway.rate-limit.policies.api.per=1s",
                    "shopflow.gateway.rate-limit.policies.api.burst=200",
                    "shopflow.gateway.upstream.time-limit=10s",
                    "shopflow.gateway.upstream.circuit-breaker.failure-rate-threshold=50",
                    "shopflow.gateway.upstream.circuit-breaker.sliding-window-size=20",
                    "shopflow.gateway.upstream.circuit-breaker.minimum-calls=10",
                    "shopflow.gateway.upstream.circuit-breaker.wait-in-open-state=10s",
                    "shopflow.gateway.upstream.circuit-breaker.calls-in-half-open-state=3",
                    "shopflow.gateway.cors.allowed-origins=http://localhost:5173",
                    "shopflow.gateway.cors.max-age=1h",
                    "shopflow.gateway.storefront.image-sources=https://picsum.photos,http://localhost:9000");

    @Test
    void acceptsWorkableSettings() {
        context.run(started -> assertThat(started).hasNotFailed().hasSingleBean(GatewayProperties.class));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "shopflow.gateway.rate-limit.policies.api.per=1500ms | perWholeSeconds",
            "shopflow.gateway.rate-limit.policies.api.burst=50   | burstAtLeastOneSecondOfRequests",
            "shopflow.gateway.rate-limit.policies.api.requests=0 | requests",
            "shopflow.gateway.cors.allowed-origins=              | allowedOrigins",
            "shopflow.gateway.storefront.image-sources=https://img.example/a | must be an origin",
            "'shopflow.gateway.storefront.image-sources=https://img.example; script-src *' | must be an origin"})
    void refusesToStartWithSettingsThatCannotWork(String setting, String complaint) {
        context.withPropertyValues(setting).run(started -> assertThat(started).hasFailed()
                .getFailure().rootCause().hasMessageContaining(complaint));
    }

    @ParameterizedTest
    @CsvSource({"10, PT1S, 1", "1, PT60S, 60", "3, PT10S, 4", "100, PT1S, 1"})
    void tellsARefusedClientWhenItHasARequestAgain(int requests, Duration per, long seconds) {
        assertThat(new Policy(requests, per, requests).secondsUntilNextRequest()).isEqualTo(seconds);
    }

    @EnableConfigurationProperties(GatewayProperties.class)
    static class Settings {
    }
}
