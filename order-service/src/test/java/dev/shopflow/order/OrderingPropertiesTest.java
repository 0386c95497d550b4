package dev.shopflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** order-service refuses to start with stream limits that make no sense. */
class OrderingPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OrderingProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void limitsEachUserToFiveStreamsOfTenMinutesByDefault() {
        context.run(started -> {
            var properties = started.getBean(OrderingProperties.class);
            assertThat(properties.streamMaxPerUser()).isEqualTo(5);
            assertThat(properties.streamMaxDuration()).isEqualTo(Duration.ofMinutes(10));
        });
    }

    @Test
    void refusesAStreamLimitOutsideOneToAHundred() {
        context.withPropertyValues("shopflow.ordering.stream-max-per-user=0").run(started -> assertThat(started)
                .getFailure().rootCause().hasMessageContaining("streamMaxPerUser"));
        context.withPropertyValues("shopflow.ordering.stream-max-per-user=101").run(started -> assertThat(started)
                .hasFailed());
    }

    @Test
    void refusesAStreamDurationUnderOneSecond() {
        context.withPropertyValues("shopflow.ordering.stream-max-duration=0s").run(started -> assertThat(started)
                .getFailure().rootCause().hasMessageContaining("streamMaxDuration"));
    }
}
