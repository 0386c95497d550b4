package dev.shopflow.platform.tracing;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Exports spans to Zipkin exactly when an endpoint is set ({@code ZIPKIN_ENDPOINT}, bound to
 * {@code management.tracing.export.zipkin.endpoint} in platform's defaults): without one a service reports nothing
 * and logs nothing about it, rather than trying Spring Boot's default address on every span. An explicit
 * {@code management.tracing.export.zipkin.enabled} still wins: this is the lowest-precedence source.
 */
public class ZipkinExportSwitch implements EnvironmentPostProcessor, Ordered {

    static final String ENDPOINT = "management.tracing.export.zipkin.endpoint";
    static final String ENABLED = "management.tracing.export.zipkin.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Both names, so that the answer does not depend on whether platform's defaults were added before.
        boolean endpointSet = StringUtils.hasText(environment.getProperty(ENDPOINT))
                || StringUtils.hasText(environment.getProperty("ZIPKIN_ENDPOINT"));
        environment.getPropertySources().addLast(new MapPropertySource("shopflowZipkinExport", Map.of(ENABLED, endpointSet)));
    }

    /** After the configuration files and the environment are read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
