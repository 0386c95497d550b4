package dev.shopflow.platform.tracing;

import brave.sampler.Sampler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The sampler of a service that traces with Brave ({@code spring-boot-micrometer-tracing-brave}): Spring Boot's
 * probability ({@code TRACING_SAMPLING_PROBABILITY}), then at most {@code TRACING_SAMPLING_TRACES_PER_SECOND} new
 * traces a second ({@link TraceSampler}). Export is switched on by {@link ZipkinExportSwitch}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration")
@ConditionalOnClass(name = {"brave.sampler.Sampler", "io.micrometer.tracing.brave.bridge.BraveTracer"})
@EnableConfigurationProperties(TraceSamplingProperties.class)
public class TracingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Sampler traceSampler(@Value("${management.tracing.sampling.probability:0.1}") double probability,
            TraceSamplingProperties sampling) {
        return TraceSampler.of(probability, sampling.tracesPerSecond());
    }
}
